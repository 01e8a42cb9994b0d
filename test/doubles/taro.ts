/**
 * A stand-in for @tarojs/taro in page tests. Every API is a jest.fn so tests can script
 * answers (`Taro.cloud.callFunction.mockResolvedValue(...)`) and assert on calls.
 * Page lifecycle hooks run like a page that is shown once, on mount.
 */
import { useEffect, useRef } from 'react'

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  WEB: 'WEB',
  RN: 'RN',
  HARMONY: 'HARMONY',
  QUICKAPP: 'QUICKAPP',
} as const

export const getEnv = jest.fn(() => (process.env.TARO_ENV === 'weapp' ? ENV_TYPE.WEAPP : ENV_TYPE.WEB))

const windowInfo = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 812,
  statusBarHeight: 44,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
}

export const getSystemInfoSync = jest.fn(() => ({
  ...windowInfo,
  platform: 'devtools',
  brand: 'devtools',
  model: 'iPhone',
  system: 'iOS 17',
  language: 'zh_CN',
  version: '8.0.50',
  SDKVersion: '3.6.0',
}))
export const getWindowInfo = jest.fn(() => windowInfo)
export const getDeviceInfo = jest.fn(() => ({ platform: 'devtools', brand: 'devtools', model: 'iPhone', system: 'iOS 17' }))
export const getAppBaseInfo = jest.fn(() => ({ SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.50', theme: 'light' }))

function selectorQuery() {
  const query = {
    in: () => query,
    select: () => node,
    selectAll: () => node,
    selectViewport: () => node,
    exec: (callback?: (result: unknown[]) => void) => {
      callback?.([{ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }])
      return query
    },
  }
  const node = {
    boundingClientRect: (callback?: (rect: unknown) => void) => {
      callback?.({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 })
      return query
    },
    scrollOffset: () => query,
    fields: () => query,
    node: () => query,
  }
  return query
}
export const createSelectorQuery = jest.fn(selectorQuery)

export const pxTransform = jest.fn((value: number) => `${value}px`)

export const showToast = jest.fn(async (_options?: unknown) => ({ errMsg: 'showToast:ok' }))
export const hideToast = jest.fn(async () => ({ errMsg: 'hideToast:ok' }))
export const showLoading = jest.fn(async (_options?: unknown) => ({ errMsg: 'showLoading:ok' }))
export const hideLoading = jest.fn(async () => ({ errMsg: 'hideLoading:ok' }))
export const showModal = jest.fn(async (_options?: unknown) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' }))
export const navigateTo = jest.fn(async (_options?: unknown) => ({ errMsg: 'navigateTo:ok' }))
export const navigateBack = jest.fn(async (_options?: unknown) => ({ errMsg: 'navigateBack:ok' }))
export const redirectTo = jest.fn(async (_options?: unknown) => ({ errMsg: 'redirectTo:ok' }))
export const reLaunch = jest.fn(async (_options?: unknown) => ({ errMsg: 'reLaunch:ok' }))
export const switchTab = jest.fn(async (_options?: unknown) => ({ errMsg: 'switchTab:ok' }))
export const setNavigationBarTitle = jest.fn(async (_options?: unknown) => ({ errMsg: 'setNavigationBarTitle:ok' }))
export const stopPullDownRefresh = jest.fn(async () => ({ errMsg: 'stopPullDownRefresh:ok' }))
export const pageScrollTo = jest.fn(async (_options?: unknown) => ({ errMsg: 'pageScrollTo:ok' }))
export const chooseMessageFile = jest.fn(async (_options?: unknown) => ({ tempFiles: [] as unknown[], errMsg: 'chooseMessageFile:ok' }))
export const getFileSystemManager = jest.fn(() => ({
  readFile: jest.fn((options: { fail?: (err: unknown) => void }) => options.fail?.({ errMsg: 'readFile:fail not scripted' })),
}))
export const chooseImage = jest.fn(async (_options?: unknown): Promise<unknown> => {
  throw { errMsg: 'chooseImage:fail cancel' }
})
export const previewImage = jest.fn(async (_options?: unknown) => ({ errMsg: 'previewImage:ok' }))
export const setClipboardData = jest.fn(async (_options?: unknown) => ({ errMsg: 'setClipboardData:ok' }))
/** Answers every template with 'reject' unless a test scripts otherwise. */
export const requestSubscribeMessage = jest.fn(async (options: { tmplIds: string[] }) => ({
  errMsg: 'requestSubscribeMessage:ok',
  ...Object.fromEntries(options.tmplIds.map((id) => [id, 'reject'])),
}))
export const nextTick = jest.fn((callback: () => void) => setTimeout(callback, 0))
export const getCurrentInstance = jest.fn(() => ({ router: { path: '/', params: {} }, page: null, app: null }))
export const getCurrentPages = jest.fn(() => [] as unknown[])

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(async (_options?: unknown): Promise<{ result: unknown; errMsg: string }> => {
    throw new Error('Taro.cloud.callFunction was not scripted by this test')
  }),
  uploadFile: jest.fn(async (_options?: unknown): Promise<{ fileID: string; statusCode: number; errMsg: string }> => {
    throw new Error('Taro.cloud.uploadFile was not scripted by this test')
  }),
  getTempFileURL: jest.fn(async (_options?: unknown): Promise<{ fileList: unknown[]; errMsg: string }> => {
    throw new Error('Taro.cloud.getTempFileURL was not scripted by this test')
  }),
}

export const eventCenter = {
  on: jest.fn(),
  off: jest.fn(),
  once: jest.fn(),
  trigger: jest.fn(),
}

/** Lifecycle hooks: "shown" once when the component mounts, as a page is when it opens. */
function onMount(callback: (...args: unknown[]) => void): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    latest.current()
  }, [])
}
export const useDidShow = jest.fn(onMount)
export const useLoad = jest.fn(onMount)
export const useReady = jest.fn(onMount)
export const useDidHide = jest.fn((_callback: () => void) => undefined)
export const useUnload = jest.fn((_callback: () => void) => undefined)
export const useReachBottom = jest.fn((_callback: () => void) => undefined)
/** Tests scroll a page by calling the latest callback: `(Taro.usePageScroll as jest.Mock).mock.lastCall[0]({ scrollTop })`. */
export const usePageScroll = jest.fn((_callback: (payload: { scrollTop: number }) => void) => undefined)
export const usePullDownRefresh = jest.fn((_callback: () => void) => undefined)
export const useRouter = jest.fn(() => ({ path: '/', params: {} }))
export const useLaunch = jest.fn(onMount)

const Taro = {
  ENV_TYPE,
  getEnv,
  getSystemInfoSync,
  getWindowInfo,
  getDeviceInfo,
  getAppBaseInfo,
  createSelectorQuery,
  pxTransform,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  navigateTo,
  navigateBack,
  redirectTo,
  reLaunch,
  switchTab,
  setNavigationBarTitle,
  stopPullDownRefresh,
  pageScrollTo,
  chooseMessageFile,
  chooseImage,
  previewImage,
  setClipboardData,
  requestSubscribeMessage,
  getFileSystemManager,
  nextTick,
  getCurrentInstance,
  getCurrentPages,
  cloud,
  eventCenter,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useUnload,
  useReachBottom,
  usePageScroll,
  usePullDownRefresh,
  useRouter,
  useLaunch,
}

export default Taro
