import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

/** The WeChat Cloud environment the mini program talks to; the console's env id, set per deployment. */
const cloudEnv = process.env.TARO_APP_CLOUD_ENV ?? ''

/** The contract lives outside src but is TypeScript the app compiles too. */
const contractDir = path.resolve(root, 'types/contract')

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'biz-wechat-governance',
    date: '2026-11-27',
    // NutUI is drawn at 375 px, our own styles at 750 px.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(cloudEnv),
    },
    alias: {
      '@contract$': path.resolve(root, 'types/contract/index.ts'),
      '@contract': path.resolve(root, 'types/contract'),
      '@': path.resolve(root, 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [contractDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // NutUI's per-component styles arrive in different orders on different pages; the order does not matter for them.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile: { include: [contractDir] },
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Served from the site root; a basename of '/' would double the leading slash in route matching.
      router: { mode: 'browser' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development' || mode === 'development') {
    return merge({}, base, devConfig)
  }
  return merge({}, base, prodConfig)
})
