import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // The H5 build serves the local environment only; phone-sized budgets for it would just be noise.
    webpackChain(chain) {
      chain.performance.hints(false)
    },
  },
} satisfies UserConfigExport<'webpack5'>
