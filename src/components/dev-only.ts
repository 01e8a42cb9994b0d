import type { ComponentType } from 'react'

/**
 * The local environment's sign-in screens. Each `require` sits in a branch whose TARO_ENV test
 * the build turns into a constant, so WeChat builds drop these modules and their /dev calls.
 */
export function loadDevSignIn(): ComponentType | null {
  return process.env.TARO_ENV === 'h5' ? (require('./dev-sign-in') as typeof import('./dev-sign-in')).DevSignIn : null
}

export function loadIdentityActions(): ComponentType | null {
  return process.env.TARO_ENV === 'h5'
    ? (require('./dev-sign-in/identity-actions') as typeof import('./dev-sign-in/identity-actions')).IdentityActions
    : null
}
