import type { AcceptInviteResult, CreateInviteResult, EventOf, HelperLogData, HelperView, HelpersData, InvitePreview, MyRetailersData } from '@contracts'
import { call } from './client'

/** 家人帮手 for the shop's owner: list, re-scope, remove, invite, and read what helpers did. */
export const fetchHelpers = (): Promise<HelpersData> => call('listHelpers', {})
export const changeHelperScopes = (event: EventOf<'updateHelper'>): Promise<HelperView> => call('updateHelper', event)
export const removeHelper = (helperId: string): Promise<{ removed: true }> => call('removeHelper', { helperId })
export const createInvite = (event: EventOf<'createInvite'>): Promise<CreateInviteResult> => call('createInvite', event)
export const fetchHelperLog = (): Promise<HelperLogData> => call('helperLog', {})

/** The helper's side: open an invite (share-card token or phone code), accept it, see the shops helped. */
export type InviteRef = { token: string } | { code: string }
export const previewInvite = (ref: InviteRef): Promise<InvitePreview> => call('previewInvite', ref)
export const acceptInvite = (ref: InviteRef, retailer: string, name?: string): Promise<AcceptInviteResult> =>
  call('acceptInvite', { ...ref, retailer, ...(name ? { name } : {}) })
export const fetchMyRetailers = (): Promise<MyRetailersData> => call('myRetailers', {})
