import { z } from 'zod'

/** What the activity log records, with the wording the screen and the CSV use. */
export const ACTIVITY_ACTIONS = {
  'sign-in': 'Sign in',
  'sign-out': 'Sign out',
  'customer-create': 'Create customer',
  'top-up': 'Top-up',
  'capacity-move': 'Allocate or reclaim capacity',
  'subaccount-create': 'Create sub-account',
  'subaccount-update': 'Update sub-account',
  'subaccount-delete': 'Delete sub-account',
  'kyc-start': 'Start KYC',
  'kyc-resend': 'Resend KYC email',
  'kyc-revoke': 'Revoke KYC session',
  'credential-copy': 'Copy credential',
  'credential-reveal': 'Reveal credential',
  'export-customers': 'Export customers',
  'export-transactions': 'Export transactions',
  'export-numbers': 'Export numbers',
  'export-calls': 'Export calls',
  'export-statement': 'Export statement',
  'export-statements': 'Export statements (bulk)',
  'export-activity': 'Export activity',
  'watch-snooze': 'Snooze on the watchlist',
  'watch-threshold': 'Change runway threshold',
  'bulk-top-up': 'Bulk top-up',
  'export-bulk-report': 'Export bulk top-up report',
} as const
export type ActivityAction = keyof typeof ACTIVITY_ACTIONS
export const activityActionSchema = z.enum(
  Object.keys(ACTIVITY_ACTIONS) as [ActivityAction, ...ActivityAction[]],
)

/** `ok`, `cancelled` (a save dialog closed) or the AppError kind the action failed with. */
export const activityOutcomeSchema = z.string().min(1).max(40)

export const activityEntrySchema = z.object({
  /** 1, 2, 3… in the order written: the entry's number on the screen. */
  seq: z.number().int().positive(),
  time: z.string(),
  profile: z.string(),
  action: activityActionSchema,
  /** What the action was on: a customer's or sub-account's auth id, the partner signed in to. */
  target: z.string().nullable(),
  /** Which credential, the amount, the fields changed — never a secret. */
  detail: z.string().nullable(),
  outcome: activityOutcomeSchema,
  /** The transfer's PD- reference, the created auth id, the saved file's name. */
  reference: z.string().nullable(),
  /** SHA-256 (hex) of the previous entry, and of this one's fields with it. */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ActivityEntry = z.infer<typeof activityEntrySchema>

/** Whether the log reads as written; where not, the number of the first entry that does not. */
export const chainStatusSchema = z.discriminatedUnion('intact', [
  z.object({ intact: z.literal(true), checked: z.number().int() }),
  z.object({
    intact: z.literal(false),
    checked: z.number().int(),
    at: z.number().int().positive(),
    problem: z.enum(['changed', 'removed', 'reordered']),
  }),
])
export type ChainStatus = z.infer<typeof chainStatusSchema>

export const activityFiltersSchema = z
  .object({
    action: activityActionSchema.optional(),
    /** `failed`: any error kind. */
    outcome: z.enum(['ok', 'failed', 'cancelled']).optional(),
    /** Instants (the screen turns its local days into them); inclusive. */
    from: z.string().datetime().optional(),
    to: z.string().datetime().optional(),
    text: z.string().trim().max(200).optional(),
  })
  .strict()
export type ActivityFilters = z.infer<typeof activityFiltersSchema>

/** The screen shows at most this many entries (newest first); the export has them all. */
export const ACTIVITY_LIST_LIMIT = 1_000

export const activityListSchema = z.object({
  entries: z.array(activityEntrySchema),
  /** Entries matching the filters (the list may hold fewer: ACTIVITY_LIST_LIMIT). */
  matching: z.number().int(),
  total: z.number().int(),
  chain: chainStatusSchema,
})
export type ActivityList = z.infer<typeof activityListSchema>

/** Does an entry pass the filters? Shared by the list and the export. */
export function matchesActivity(entry: ActivityEntry, filters: ActivityFilters): boolean {
  if (filters.action && entry.action !== filters.action) return false
  if (filters.outcome === 'ok' && entry.outcome !== 'ok') return false
  if (filters.outcome === 'cancelled' && entry.outcome !== 'cancelled') return false
  if (filters.outcome === 'failed' && (entry.outcome === 'ok' || entry.outcome === 'cancelled'))
    return false
  const time = Date.parse(entry.time)
  if (filters.from && time < Date.parse(filters.from)) return false
  if (filters.to && time > Date.parse(filters.to)) return false
  const text = filters.text?.toLowerCase()
  if (!text) return true
  return [
    ACTIVITY_ACTIONS[entry.action],
    entry.target,
    entry.detail,
    entry.reference,
    entry.outcome,
  ]
    .filter((field): field is string => field !== null)
    .some((field) => field.toLowerCase().includes(text))
}
