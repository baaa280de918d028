import { z } from 'zod'
import { appErrorSchema } from './app-error'
import { BALANCE_REFRESH_SECONDS } from './balance'
import { CLIPBOARD_CLEAR_SECONDS } from './credentials'
import { runwayDaysSchema } from './watch'
import { quietHoursSchema } from './notifications'

/**
 * A customer as the table shows it and the plain cache stores it: display fields only, never a
 * token. The balance is the exact 5-decimal string (see money.ts), null when the API gave none.
 */
export const customerRowSchema = z.object({
  authId: z.string().min(1),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  balance: z.string().nullable(),
  currency: z.string().nullable(),
  kycStatus: z.string().nullable(),
  enabled: z.boolean().nullable(),
  active: z.boolean().nullable(),
  createdAt: z.string().nullable(),
})
export type CustomerRow = z.infer<typeof customerRowSchema>

export const syncStatusSchema = z.object({
  state: z.enum(['idle', 'syncing', 'failed']),
  /** Pages fetched so far and pages expected, while syncing. */
  pagesDone: z.number().int().nonnegative(),
  pagesTotal: z.number().int().nonnegative().nullable(),
  /** Why the last sync failed; the last good cache is kept. */
  error: appErrorSchema.nullable(),
  /** When the cache shown was completed (ISO), null if this profile never synced. */
  syncedAt: z.string().nullable(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const customersSnapshotSchema = z.object({
  rows: z.array(customerRowSchema),
  sync: syncStatusSchema,
  /** A message about the cache itself, e.g. that an unreadable cache file was discarded. */
  cacheNotice: z.string().nullable(),
})
export type CustomersSnapshot = z.infer<typeof customersSnapshotSchema>

export const connectivitySchema = z.object({
  /**
   * Online only after a request to the API got an answer; offline after network failures (no
   * answer, or none in time). Null until a request has finished (at start-up, or signed out).
   */
  online: z.boolean().nullable(),
  /** Since when (ISO) the app has been in this state. */
  since: z.string(),
})
export type Connectivity = z.infer<typeof connectivitySchema>

export const remoteSearchSchema = z.object({
  rows: z.array(customerRowSchema),
  total: z.number().int().nonnegative(),
})
export type RemoteSearch = z.infer<typeof remoteSearchSchema>

const amount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,5})?$/, 'Use a plain amount such as 100 or 250.50.')

/** The customer table's columns, in order (the renderer's COLUMNS gives their labels). */
export const CUSTOMER_COLUMNS = [
  'name',
  'company',
  'email',
  'phone',
  'authId',
  'balance',
  'kycStatus',
  'status',
  'createdAt',
] as const
export const customerColumnSchema = z.enum(CUSTOMER_COLUMNS)
export type CustomerColumn = z.infer<typeof customerColumnSchema>
export const COLUMN_WIDTH = { min: 60, max: 640 } as const

/** The customer table's hidden columns and the widths the user dragged them to. */
export const columnLayoutSchema = z.object({
  hidden: z.array(customerColumnSchema).max(CUSTOMER_COLUMNS.length - 1),
  widths: z.partialRecord(
    customerColumnSchema,
    z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max),
  ),
})
export type ColumnLayout = z.infer<typeof columnLayoutSchema>

const CURRENCY_CODE = /^[A-Z]{3}$/
/** Currency code → amount; a bad code is said at that code (zod's own key message is jargon). */
const amountPerCurrency = z.record(z.string(), amount).superRefine((map, context) => {
  for (const code of Object.keys(map)) {
    if (!CURRENCY_CODE.test(code)) {
      context.addIssue({
        code: 'custom',
        path: [code],
        message: 'Use a three-letter currency code such as INR or USD.',
      })
    }
  }
})

export const settingsSchema = z.object({
  /**
   * Customers in the wallet's currency whose balance is below this (exact decimal string) are
   * "low balance", unless lowBalanceThresholds has that currency (the older single setting, kept
   * readable). Per profile. See low-balance.ts.
   */
  lowBalanceThreshold: amount,
  /** The low-balance threshold per currency (currency code → amount). Per profile. */
  lowBalanceThresholds: amountPerCurrency,
  /** The partner's own balance below this shows a warning. Per profile. */
  partnerLowBalanceThreshold: amount,
  /** How often the partner balance is read while the window is visible. */
  balanceRefreshSeconds: z
    .number()
    .int('Use whole seconds.')
    .min(BALANCE_REFRESH_SECONDS.min, `At least ${BALANCE_REFRESH_SECONDS.min} seconds.`)
    .max(BALANCE_REFRESH_SECONDS.max, `At most ${BALANCE_REFRESH_SECONDS.max} seconds.`),
  /** How long a copied secret stays on the clipboard before Partner Desk clears it. */
  clipboardClearSeconds: z
    .number()
    .int('Use whole seconds.')
    .min(CLIPBOARD_CLEAR_SECONDS.min, `At least ${CLIPBOARD_CLEAR_SECONDS.min} seconds.`)
    .max(CLIPBOARD_CLEAR_SECONDS.max, `At most ${CLIPBOARD_CLEAR_SECONDS.max} seconds.`),
  /** A customer with fewer days of runway than this is below threshold (unless its own is set). Per profile. */
  runwayThresholdDays: runwayDaysSchema,
  /** The watchlist also shows customers running out within this many days. Per profile. */
  runwayHorizonDays: runwayDaysSchema,
  /** The customer table's columns. Per profile. */
  customerColumns: columnLayoutSchema,
  /** Alerts when a customer crosses into "needs attention" (OS notification and the centre). */
  notificationsEnabled: z.boolean(),
  /** Alerts reach the centre only during these local hours; a summary shows when they end. */
  quietHours: quietHoursSchema,
  /** Closing the window hides it in the tray (watching continues); off: closing quits. */
  closeToTray: z.boolean(),
})
export type Settings = z.infer<typeof settingsSchema>
/** The settings each partner profile keeps its own value of. */
export const PROFILE_SETTINGS = [
  'lowBalanceThreshold',
  'lowBalanceThresholds',
  'partnerLowBalanceThreshold',
  'runwayThresholdDays',
  'runwayHorizonDays',
  'customerColumns',
] as const

export const DEFAULT_SETTINGS: Settings = {
  lowBalanceThreshold: '100',
  lowBalanceThresholds: {},
  partnerLowBalanceThreshold: '1000',
  balanceRefreshSeconds: BALANCE_REFRESH_SECONDS.default,
  clipboardClearSeconds: CLIPBOARD_CLEAR_SECONDS.default,
  runwayThresholdDays: 3,
  runwayHorizonDays: 7,
  customerColumns: { hidden: [], widths: {} },
  notificationsEnabled: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  closeToTray: false,
}

/** The columns of a CSV export, in order: display fields only. */
export const CSV_COLUMNS = [
  ['name', 'Name'],
  ['company', 'Company'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['authId', 'Auth ID'],
  ['balance', 'Balance'],
  ['currency', 'Currency'],
  ['kycStatus', 'KYC status'],
  ['enabled', 'Enabled'],
  ['active', 'Active'],
  ['createdAt', 'Created'],
] as const satisfies readonly (readonly [keyof CustomerRow, string])[]
