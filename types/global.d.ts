declare module '*.png' {
  const src: string
  export default src
}
declare module '*.svg' {
  const src: string
  export default src
}
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time to the target platform, so branches for other platforms are dropped; unset in unit tests. */
    TARO_ENV?: 'weapp' | 'h5' | 'rn' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'quickapp' | 'harmony'
    /** The WeChat Cloud environment id, injected by config/index.ts from the build environment. */
    TARO_APP_CLOUD_ENV?: string
  }
}
