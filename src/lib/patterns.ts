/**
 * The shapes the app checks before it asks the functions, so a typo is caught on the phone. The
 * functions check the same shapes (cloudfunctions/contracts/events.ts) and remain the authority;
 * these are the app's one copy until the contracts export them.
 */

/** A tobacco retail licence number (许可证号): 12 digits. */
export const LICENSE_NO_PATTERN = /^\d{12}$/

/** A helper invite code as read out on the phone: 6 characters, no I, O, 0 or 1 to mishear. */
export const INVITE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{6}$/
