import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // The local cloud runtime serves /api and /dev; the dev server forwards them so cookies stay same-origin.
      proxy: [
        {
          context: ['/api', '/dev'],
          target: process.env.LOCAL_RUNTIME_URL ?? 'http://127.0.0.1:8787',
          changeOrigin: false,
        },
      ],
    },
  },
} satisfies UserConfigExport<'webpack5'>
