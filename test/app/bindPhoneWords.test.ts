import { phoneButtonText } from '../../cloudfunctions/words/binding'

describe('the bind page when getPhoneNumber comes back without a code', () => {
  it('says the quota is used up for errno 1400001, and who can help', () => {
    expect(phoneButtonText({ errno: 1400001, errMsg: 'getPhoneNumber:fail 该功能使用次数已达当前小程序上限' })).toBe('今天核对手机号的次数已用完，请明天再试，或联系客户经理帮您绑定')
  })

  it('asks for the privacy guide for errno 104 and 112', () => {
    for (const errno of [104, 112]) expect(phoneButtonText({ errno, errMsg: 'getPhoneNumber:fail privacy permission is not authorized' })).toContain('《用户隐私保护指引》')
  })

  it('asks for the phone when the user declined, and says try later for anything else', () => {
    expect(phoneButtonText({ errMsg: 'getPhoneNumber:fail user deny' })).toBe('需要授权手机号，才能核对您是不是店主')
    expect(phoneButtonText({ errno: 1, errMsg: 'getPhoneNumber:fail system error' })).toBe('暂时无法获取手机号，请稍后再试')
  })
})
