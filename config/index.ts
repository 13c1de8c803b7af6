import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import type Chain from 'webpack-chain'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * One source, two targets: the weapp build goes to dist/ (WeChat DevTools opens the repo root and
 * finds it through project.config.json), the H5 build to dist-h5/ (the local host serves it).
 * Styles are written in plain px: pxtransform is off so touch targets stay at least 44 px and text
 * sizes mean what they say on every screen width.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const webpackChain = (chain: Chain): void => {
    // `@/`, `@contracts`, `@core/*` and `@words/*` resolve exactly as tsconfig.json says, in both chains.
    chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin, [{ configFile: 'tsconfig.json' }])
    // Each build replaces the last: a stale page left in dist/ is "unused code" to WeChat's scan.
    chain.output.set('clean', true)
  }

  // The app runs the functions' own cycle arithmetic (core/schedule.ts, core/time.ts) and writes
  // figures with the one presenter (cloudfunctions/words), so Taro's loaders compile those folders
  // too; the contracts reach the app as types and constants.
  const compile = { include: ['core', 'words', 'contracts'].map((folder) => resolve(__dirname, '..', 'cloudfunctions', folder)) }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shopmate',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    // Taro inlines the TARO_APP_* values that .env.* files define (see .env.example). One that no file
    // defines would stay `process.env.X` in the bundle and throw (neither WeChat nor the browser has
    // a `process`); mapping the rest of process.env to {} makes it undefined instead. Taro also
    // evaluates app.config.ts and page configs with these constants, hence TARO_ENV restated here
    // (NODE_ENV is not: Taro sets it only after reading this file, and defines it in the bundle).
    defineConstants: {
      'process.env.TARO_ENV': JSON.stringify(process.env.TARO_ENV),
      'process.env': '{}',
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: false, config: {} },
      },
      compile,
      webpackChain,
    },
    h5: {
      publicPath: '/',
      router: { mode: 'hash' },
      // Taro's React DOM components (div/span/input) instead of its web components: no per-element
      // custom-element upgrade, smaller page chunks. Browser tests select by class name or text.
      useHtmlComponents: true,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
      },
      compile,
      webpackChain,
    },
  }

  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig)
})
