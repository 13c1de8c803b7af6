import { z } from 'zod'

/**
 * The event each function accepts. Objects are strict: an unknown field is INVALID_ARGUMENT,
 * never silently ignored. Nothing here names the caller — identity comes from the platform.
 */
export const events = {
  ping: z.strictObject({}),
  home: z.strictObject({}),
  bindShop: z.strictObject({
    licenseNo: z.string().regex(/^\d{12}$/, '许可证号应为 12 位数字'),
    phoneCode: z.string().min(1).max(128),
  }),
} as const

export type Events = typeof events
export type FunctionName = keyof Events
export type EventOf<N extends FunctionName> = z.input<Events[N]>
export type ParsedEventOf<N extends FunctionName> = z.output<Events[N]>
