// babel-preset-taro: React + TypeScript for the webpack5 runner (https://docs.taro.zone/docs/next/babel-config).
// Targets are the JS engines current WeChat runs on (iOS 12+ JavaScriptCore, Android's XWeb/Chromium),
// not package.json's decade-old browserslist: async/await and classes ship as written, which keeps
// regenerator and class helpers out of both bundles.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: { ios: '12', chrome: '70' } }]],
}
