import { fitSubscribeData } from '../../cloudfunctions/words/subscribe'

/** WeChat rejects a whole subscribe message when one value is too long for its field type. */
describe('fitting subscribe message data to WeChat field limits', () => {
  it('shortens a thing longer than 20 characters to 19 and an ellipsis', () => {
    const long = '距本周订货截止还有三小时请尽快在新商盟下单哦' // 22 characters
    expect(fitSubscribeData({ thing1: long })).toEqual({ thing1: '距本周订货截止还有三小时请尽快在新商盟…' })
    expect(Array.from(fitSubscribeData({ thing1: long }).thing1)).toHaveLength(20)
  })

  it('leaves values that fit exactly as they are', () => {
    const data = { thing1: '一二三四五六七八九十一二三四五六七八九十', phrase2: '即将截止了', name3: '欧阳一二三四五六七八', character_string4: 'A'.repeat(32) }
    expect(fitSubscribeData(data)).toEqual(data)
  })

  it('cuts phrase to 5, name to 10 and character_string to 32 characters, without an ellipsis they would reject', () => {
    expect(
      fitSubscribeData({ phrase2: '订货即将截止', name3: '欧阳一二三四五六七八九', character_string12: '350625100001-2026-11-23-reminder-x' }),
    ).toEqual({ phrase2: '订货即将截', name3: '欧阳一二三四五六七八', character_string12: '350625100001-2026-11-23-reminder' })
  })

  it('counts an emoji as one character and never splits it', () => {
    const value = '🚚'.repeat(21)
    expect(fitSubscribeData({ thing7: value }).thing7).toBe(`${'🚚'.repeat(19)}…`)
  })

  it('passes time, date and amount fields through (their limits are formats, not lengths)', () => {
    const data = { time1: '2026年11月23日 16:00', date2: '2026年11月23日', amount3: '¥1,234.50元' }
    expect(fitSubscribeData(data)).toEqual(data)
  })
})
