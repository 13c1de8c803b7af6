import type { ErrorFigures, ErrorReason } from '../core/errors'

/** What the user reads for each reason an action was refused. */
const SENTENCES: Readonly<Record<ErrorReason, (f: ErrorFigures) => string>> = {
  notInWeChat: () => '请在微信中打开',
  badEvent: (f) => `参数不正确：${f.detail}`,
  internal: () => '服务暂时不可用，请稍后再试',
  notBound: () => '请先绑定您的店铺',
  retailerMissing: () => '店铺信息不存在，请联系客户经理',
  noScope: () => '您没有这项权限，请店主在“家人帮手”中开通',
  helperMissing: () => '没有找到这位帮手',
  ownHelpersFull: (f) => `最多可以有 ${f.max} 位帮手，请先移除一位`,
  retailerHelpersFull: (f) => `这家店已有 ${f.max} 位帮手`,
  neighbourFull: (f) => `结对子最多帮 ${f.max} 家店`,
  inviteInvalid: () => '邀请无效，请让店主重新邀请',
  inviteWrongRetailer: () => '这个邀请不是这家店发出的',
  inviteUsed: () => '这个邀请已经用过了，请让店主重新邀请',
  inviteExpired: () => '邀请已过期，请让店主重新邀请',
  inviteCodeTries: () => '邀请码输错次数过多，请一小时后再试',
  ownRetailer: () => '不能成为自己店铺的帮手',
  alreadyHelper: () => '您已经是这家店的帮手了',
  badName: () => '名字里有不能显示的字符，请重新输入',
  settingsBusy: () => '设置正在被修改，请稍后再试',
  bindTries: () => '尝试次数过多，请一小时后再试',
  boundToOther: () => '此微信已绑定其他店铺',
  retailerBoundElsewhere: () => '该店铺已绑定其他微信，如需更换请联系客户经理',
  phoneMismatch: () => '许可证号与手机号不匹配，请核对后再试',
  importBusy: (f) => `另一个导入（${f.what}）正在进行，请等它完成后再试`,
  phoneServiceDown: () => '暂时无法核对手机号，请稍后再试（本次不计入尝试次数）',
  windowClosed: () => '现在不在订货时间内，订货开始后再标记',
  notMarkedByPerson: () => '这一期没有可撤销的“已订货”标记（营销系统导入的进货不能撤销）',
  draftCycleOver: () => '这一期订货已经结束，请刷新后看下一期的订货建议',
  draftOverQuota: (f) => `合计 ${f.total} 条，超过本月还可订的 ${f.remaining} 条，请减一些`,
  periodNotStarted: () => '这个时段还没有开始',
  adminOnly: () => '只有管理员可以导入数据',
  filesUnconfigured: () => '文件存储未配置',
  fileMissing: () => '找不到这个文件',
  timerOnly: () => '定时任务不能直接调用',
  notForTimer: () => '此功能不由定时任务调用',
  noMarketingData: (f) => `${f.month} 没有营销系统月度数据，无法生成经营指导书：请先导入 marketing 数据`,
  noGuide: (f) => `还没有 ${f.month} 的经营指导书`,
  strategyNotInGuide: () => '这条建议不在这个月的经营指导书里',
  courseMissing: () => '没有找到这节课，可能已下架',
  modelStoreMissing: () => '没有找到这家示范店',
  progressBusy: () => '学习进度正在保存，请稍后再试',
}

export const errorText = (reason: ErrorReason, figures: ErrorFigures = {}): string => SENTENCES[reason](figures)

/** What was wrong with an event, field by field (the schema's own messages), at most five. */
export const eventIssuesText = (issues: readonly { path: PropertyKey[]; message: string; code: string }[]): string =>
  issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.map(String).join('.') || '(event)'
      return issue.code === 'unrecognized_keys' ? `${field}: 不允许的字段` : `${field}: ${issue.message}`
    })
    .join('; ')
