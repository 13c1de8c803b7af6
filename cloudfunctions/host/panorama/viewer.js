/*
 * AR探店 in the browser and in WeChat's web-view: one equirectangular panorama in pannellum, looked around
 * by dragging, touch or the arrow keys.
 *   ?store=<model store id>  the store's panorama, from stores.json (written by the assembler)
 *   ?src=<url>               any panorama image on this site or over HTTPS
 * window.shopmateViewer is the pannellum viewer (tests read its yaw); body[data-state] is loading | ready | failed.
 */
;(function () {
  'use strict'
  var params = new URLSearchParams(location.search)
  var body = document.body

  function fail(message) {
    body.className = 'failed'
    body.setAttribute('data-state', 'failed')
    document.getElementById('problem').textContent = message
  }

  /** Only this site's paths and HTTPS images: never javascript:, data: or plain HTTP. */
  function safeSrc(src) {
    if (!src) return null
    try {
      var url = new URL(src, location.href)
      if (url.origin === location.origin || url.protocol === 'https:') return url.href
    } catch {
      return null
    }
    return null
  }

  function show(src, title) {
    body.setAttribute('data-state', 'loading')
    if (title) document.title = title + ' · AR探店'
    var viewer = pannellum.viewer('panorama', {
      type: 'equirectangular',
      panorama: src,
      title: title || undefined,
      autoLoad: true,
      showFullscreenCtrl: false,
      hfov: 100,
      minHfov: 50,
      maxHfov: 120,
      strings: {
        loadButtonLabel: '点击加载全景',
        loadingLabel: '正在加载…',
        bylineLabel: '%s',
        noPanoramaError: '没有指定全景图。',
        fileAccessError: '全景图 %s 无法打开。',
        malformedURLError: '全景图地址有误。',
        iOS8WebGLError: '这台设备的浏览器无法显示这张全景图。',
        genericWebGLError: '这台设备的浏览器不支持 WebGL，无法显示全景。',
        textureSizeError: '全景图太大（%s 像素宽，这台设备最多 %s 像素）。',
        unknownError: '全景没能显示，请稍后重试。',
      },
    })
    viewer.on('load', function () {
      body.setAttribute('data-state', 'ready')
      document.getElementById('panorama').focus()
      setTimeout(function () { document.getElementById('hint').style.opacity = '0' }, 4000)
    })
    viewer.on('error', function (message) { fail(String(message)) })
    window.shopmateViewer = viewer
  }

  var storeId = params.get('store')
  if (storeId) {
    fetch('stores.json')
      .then(function (r) { return r.json() })
      .then(function (stores) {
        var store = Object.prototype.hasOwnProperty.call(stores, storeId) ? stores[storeId] : null
        var src = store && safeSrc(store.src)
        if (!src) return fail('没有找到这家示范店的全景。')
        show(src, store.name)
      })
      .catch(function () { fail('示范店列表没能加载，请稍后重试。') })
  } else {
    var src = safeSrc(params.get('src'))
    if (src) show(src, params.get('title'))
    else fail('没有指定全景图。')
  }
})()
