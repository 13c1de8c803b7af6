import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StrategyAction } from '@contracts'
import { actionText } from '@words/guidance'
import { openPage } from '@/lib/routes'

export interface ActionContext {
  /** The guide's month, for the 盈利单. */
  month: string
  /** A shop the user helps; absent: their own. */
  retailer?: string
  manager: { name: string; phone: string }
}

/** Where a strategy's action takes the retailer: a course, a model store, a part of 经营, a call, the 盈利单. */
export const runAction = (action: StrategyAction, context: ActionContext): void => {
  switch (action.kind) {
    case 'course':
      return openPage('course', { id: action.courseId })
    case 'modelStore':
      return openPage('modelStore', { id: action.storeId })
    case 'summarySection':
      // The top sellers are drawn on the charts page; every other section is on the 经营 tab itself.
      if (action.section === 'topSkus') return openPage('charts', { period: 'month', retailer: context.retailer })
      void Taro.switchTab({ url: '/pages/insights/index' })
      return
    case 'callManager':
      void Taro.makePhoneCall({ phoneNumber: context.manager.phone }).catch(() => undefined)
      return
    case 'profitSheet':
      return openPage('profitSheet', { month: context.month, retailer: context.retailer })
  }
}

/** One action of a strategy as a button, worded by the presenter. */
export function StrategyActionButton({ action, context, primary = false }: { action: StrategyAction; context: ActionContext; primary?: boolean }) {
  return (
    <Button className={`btn strategy-action ${primary ? 'btn-primary' : ''}`} onClick={() => runAction(action, context)}>
      {action.kind === 'callManager' ? `打电话给客户经理${context.manager.name}` : actionText(action)}
    </Button>
  )
}
