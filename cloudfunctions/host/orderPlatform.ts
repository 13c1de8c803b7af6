/**
 * GET /dev/order-platform: the local host's stand-in for the company's ordering platform (网上订货),
 * so 去订货 in the demo county does not dead-end. It says plainly that it is a stand-in and shows
 * what 去订货 carried over: the order in the address's fragment (`#order=…`, never sent to a
 * server), or else what the H5 build copied (Taro keeps its clipboard in localStorage). It places
 * no order. A deployment points 去订货 at the real platform with TARO_APP_ORDER_URL (README).
 */
export const ORDER_PLATFORM_PATH = '/dev/order-platform'

export const orderPlatformPage = (): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>订货平台（演示替身）</title>
<style>
  body { margin: 0; padding: 16px; font: 17px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1a1a1a; }
  .stand-in { padding: 12px; border: 2px dashed #8a4b00; border-radius: 8px; background: #fff8ec; color: #5c3200; }
  .card { margin-top: 12px; padding: 16px; border-radius: 8px; background: #fff; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  pre { white-space: pre-wrap; word-break: keep-all; font: inherit; margin: 8px 0 0; }
  .muted { color: #555; font-size: 15px; }
</style>
</head>
<body>
<p class="stand-in" id="stand-in"><strong>演示用的订货平台替身</strong>：这不是真的订货平台，在这里不会下单。
真的订货平台由部署时的 TARO_APP_ORDER_URL 设置。</p>
<div class="card">
  <h1>从零售伙伴带过来的订单</h1>
  <pre id="carried"></pre>
  <p class="muted" id="carried-from"></p>
</div>
<script>
(function () {
  var text = ''
  var from = ''
  var match = /(?:^#|&)order=([^&]*)/.exec(location.hash)
  if (match) { try { text = decodeURIComponent(match[1]); from = '随“去订货”带过来' } catch (e) {} }
  if (!text) {
    try { text = JSON.parse(localStorage.getItem('taro_clipboard') || '{}').data || ''; from = text ? '来自刚才复制的内容' : '' } catch (e) {}
  }
  document.getElementById('carried').textContent = text || '没有带过来订单。请回到零售伙伴，在“订货建议”里点“去订货”。'
  document.getElementById('carried-from').textContent = from
})()
</script>
</body>
</html>
`
