/** A span of minutes as people say it: "12 分钟", "3 小时", "2 天 4 小时". */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total))
  if (minutes < 60) return `${minutes} 分钟`
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60)
    const rest = minutes % 60
    return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`
  }
  const days = Math.floor(minutes / (24 * 60))
  const hours = Math.floor((minutes % (24 * 60)) / 60)
  return hours === 0 ? `${days} 天` : `${days} 天 ${hours} 小时`
}
