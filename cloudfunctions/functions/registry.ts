import type { FunctionDef } from './define'
import ping from './ping'
import home from './home'
import bindRetailer from './bindRetailer'
import markOrdered from './markOrdered'
import reminderSettings from './reminderSettings'
import updateReminderSettings from './updateReminderSettings'
import addConsents from './addConsents'
import inbox from './inbox'
import remindTick from './remindTick'
import createInvite from './createInvite'
import previewInvite from './previewInvite'
import acceptInvite from './acceptInvite'
import listHelpers from './listHelpers'
import updateHelper from './updateHelper'
import removeHelper from './removeHelper'
import myRetailers from './myRetailers'
import helperLog from './helperLog'
import summary from './summary'
import suggestedOrder from './suggestedOrder'
import saveOrderDraft from './saveOrderDraft'
import undoOrdered from './undoOrdered'
import orderHistory from './orderHistory'
import importData from './importData'
import importChunk from './importChunk'
import cleanup from './cleanup'
import guide from './guide'
import guideFeedback from './guideFeedback'
import profitSheet from './profitSheet'
import monthlyGuide from './monthlyGuide'
import courses from './courses'
import course from './course'
import courseProgress from './courseProgress'
import modelStores from './modelStores'
import modelStore from './modelStore'

/** Every deployable function. The local host serves these; the bundler deploys these. */
export const functions: FunctionDef[] = [
  ping,
  home,
  bindRetailer,
  markOrdered,
  reminderSettings,
  updateReminderSettings,
  addConsents,
  inbox,
  remindTick,
  createInvite,
  previewInvite,
  acceptInvite,
  listHelpers,
  updateHelper,
  removeHelper,
  myRetailers,
  helperLog,
  summary,
  suggestedOrder,
  saveOrderDraft,
  undoOrdered,
  orderHistory,
  importData,
  importChunk,
  cleanup,
  guide,
  guideFeedback,
  profitSheet,
  monthlyGuide,
  courses,
  course,
  courseProgress,
  modelStores,
  modelStore,
]
