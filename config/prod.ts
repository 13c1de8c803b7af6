import type { UserConfigExport } from '@tarojs/cli'

/**
 * Production: terser for JS and csso for CSS on both targets, because WeChat's code-quality scan
 * and Lighthouse both measure what ships. Taro's H5 defaults keep function names and quote every
 * key; neither is needed here, and dropping them trims the first page's script.
 */
export default {
  logger: { quiet: true, stats: false },
  terser: {
    enable: true,
    config: {
      compress: { passes: 2 },
      keep_fnames: false,
      output: { comments: false, keep_quoted_props: false, quote_keys: false },
    },
  },
  csso: { enable: true, config: { restructure: true } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
