/**
 * The WeChat Cloud environment id, fixed at build time (TARO_APP_CLOUD_ENV). Empty means
 * the mini program's default environment, which is what a single-environment account wants.
 */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV ?? ''

/** Wording shared by every screen that talks about a lost connection. */
export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试'
