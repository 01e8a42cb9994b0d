import Taro from '@tarojs/taro'
import { routes } from '@/routes'

function pathOf(page: unknown): string {
  if (typeof page !== 'object' || page === null) return ''
  const { route, path } = page as { route?: unknown; path?: unknown }
  const raw = typeof route === 'string' ? route : typeof path === 'string' ? path : ''
  return `/${raw.replace(/^\//, '').split('?')[0] ?? ''}`
}

/**
 * Opens 我的申请 without stacking a second copy of it: when the screen below is already that
 * list, going back reaches it (and it refreshes on show).
 */
export function openMyApplications(): void {
  const pages = Taro.getCurrentPages()
  const below = pages.length >= 2 ? pages[pages.length - 2] : null
  if (pathOf(below) === routes.myApplications) void Taro.navigateBack()
  else void Taro.redirectTo({ url: routes.myApplications })
}
