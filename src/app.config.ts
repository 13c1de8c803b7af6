// The sign-in screen exists only in the H5 build (local host, demo identities): the weapp build
// must not carry a page nobody can reach.
const h5Only = process.env.TARO_ENV === 'h5' ? ['pages/signin/index'] : []

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/insights/index', 'pages/learn/index', 'pages/me/index', 'pages/bind/index', 'pages/invite/index', 'pages/family/index', ...h5Only],
  // 经营's charts and suggested order: their code stays out of the main package (WeChat's 2 MB
  // limit, and a faster first start), and is fetched while the retailer looks at the 经营 tab.
  // 提醒设置, 家人帮手 and 消息 are reached only from 我的: fetched on first use, not at every launch.
  subPackages: [
    { root: 'packages/insights', pages: ['charts/index', 'order/index'] },
    { root: 'packages/me', pages: ['reminders/index', 'helpers/index', 'inbox/index'] },
    // 经营指导书 and 盈利单: reached from 首页, 经营 and 消息, fetched on first use.
    { root: 'packages/guide', pages: ['index', 'profit/index'] },
    // 学习: the course player, the model stores and the AR探店 web-view, fetched while the 学习 tab is open.
    { root: 'packages/learn', pages: ['course/index', 'stores/index', 'store/index', 'visit/index'] },
  ],
  preloadRule: {
    'pages/insights/index': { network: 'all', packages: ['packages/insights'] },
    'pages/learn/index': { network: 'all', packages: ['packages/learn'] },
  },
  // Inject only the components a page uses (WeChat's code-quality scan checks this).
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '零售伙伴',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // Both colours keep at least 4.5:1 against the white bar.
    color: '#4d4d4d',
    selectedColor: '#0b6339',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/insights/index', text: '经营' },
      { pagePath: 'pages/learn/index', text: '学习' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
