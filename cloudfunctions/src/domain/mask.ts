/** Lists show contacts masked; full values only on detail screens for those entitled. */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length)
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@')
  if (at <= 0) return '***'
  const local = email.slice(0, at)
  return `${local[0]}***${email.slice(at)}`
}
