/**
 * What the bind page says when WeChat's getPhoneNumber button comes back without a code. The
 * errnos are WeChat's own (button event `detail.errno`): the mini-program's phone-number quota is
 * used up, or the user has not agreed to the privacy guide (or it does not declare 手机号).
 */
export const PHONE_QUOTA_ERRNO = 1400001
/** 104: the user has not agreed to the privacy guide; 112: the guide does not declare this API. */
export const PRIVACY_ERRNOS: readonly number[] = [104, 112]

export const phoneButtonText = (detail: { errno?: number; errMsg?: string }): string => {
  if (detail.errno === PHONE_QUOTA_ERRNO) return '今天核对手机号的次数已用完，请明天再试，或联系客户经理帮您绑定'
  if (detail.errno !== undefined && PRIVACY_ERRNOS.includes(detail.errno)) return '需要先同意《用户隐私保护指引》，才能核对您的手机号；请重新打开本页后点“同意”'
  if (/deny|cancel/i.test(detail.errMsg ?? '')) return '需要授权手机号，才能核对您是不是店主'
  return '暂时无法获取手机号，请稍后再试'
}
