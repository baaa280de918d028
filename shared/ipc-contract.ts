import { z } from 'zod'
import { FIRST_PAGE_ROWS, PAGE_ROWS_MAX, customersReplySchema } from './customer-tuples'
import {
  connectivitySchema,
  remoteSearchSchema,
  settingsSchema,
  syncStatusSchema,
} from './customers'
import {
  customerBalanceViewSchema,
  partnerBalanceSchema,
  transferRequestSchema,
  transferResultSchema,
} from './balance'
import {
  clipboardClearedSchema,
  copiedSecretSchema,
  copyCredentialRequestSchema,
  revealedTokenSchema,
} from './credentials'
import { customerDetailReplySchema } from './customer-detail'
import {
  ledgerFiltersSchema,
  ledgerPageSchema,
  ledgerQuerySchema,
  transferRecordSchema,
} from './ledger'
import { createdCustomerSchema, newCustomerRequestSchema } from './new-customer-draft'
import { signInSchema } from './sign-in'
import { subAccountChannels } from './subaccount-channels'
import { bulkStatementsProgressSchema } from './statement'
import { exportProgressSchema } from './usage'
import { activityChannels } from './activity-channels'
import { capacityChannels } from './capacity-channels'
import { kycChannels } from './kyc-channels'
import { usageChannels } from './usage-channels'
import { watchStatusSchema } from './watch'
import { watchChannels } from './watch-channels'
import { notificationChannels } from './notification-channels'
import { notificationCentreSchema, openCustomerEventSchema } from './notifications'
import { bulkChannels } from './bulk-channels'
import { bulkStateSchema } from './bulk-top-up'
import { CHANNEL_NAMES, type ChannelName, type EventNameOf } from './ipc-names'

/**
 * The one list of IPC channels. The preload API, main's handler table and the renderer client
 * are all derived from it: adding a channel is one entry here plus one handler in main.
 */
const empty = z.object({}).strict()

export const partnerViewSchema = z.object({
  authId: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  /** Exact decimal string with 5 places, or null when the API gave none. */
  balance: z.string().nullable(),
  currency: z.string().nullable(),
  isVerified: z.boolean().nullable(),
  isActive: z.boolean().nullable(),
  accountCount: z.number().int().nullable(),
  maxAccounts: z.number().int().nullable(),
  permissions: z.object({
    createAccounts: z.boolean(),
    transferBalance: z.boolean(),
    viewCdrs: z.boolean(),
    createPricingTiers: z.boolean(),
  }),
  fetchedAt: z.string(),
})
export type PartnerView = z.infer<typeof partnerViewSchema>

export const tokenStorageSchema = z.enum(['encrypted', 'weak', 'session', 'none'])
export type TokenStorage = z.infer<typeof tokenStorageSchema>

export const profileSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  baseUrl: z.string(),
  authId: z.string(),
  isSandbox: z.boolean(),
  /** Where this profile's token lives now: keyring-encrypted, weakly encrypted, memory, nowhere. */
  tokenStorage: tokenStorageSchema,
})
export type ProfileSummary = z.infer<typeof profileSummarySchema>

export const encryptionStatusSchema = z.enum(['available', 'basic_text', 'unavailable'])
export type EncryptionStatus = z.infer<typeof encryptionStatusSchema>

export const sessionStateSchema = z.object({
  profiles: z.array(profileSummarySchema),
  activeProfileId: z.string().nullable(),
  partner: partnerViewSchema.nullable(),
  /** True when the partner shown is the last good reading, not a fresh one. */
  partnerStale: z.boolean(),
  encryption: encryptionStatusSchema,
  /** A plain-language notice for the user (e.g. why the token is kept for this session only). */
  notice: z.string().nullable(),
})
export type SessionState = z.infer<typeof sessionStateSchema>

export const channels = {
  'session:get': { request: empty, response: sessionStateSchema },
  'session:signIn': { request: signInSchema, response: sessionStateSchema },
  'session:signInSandbox': { request: empty, response: sessionStateSchema },
  'session:switchProfile': {
    request: z.object({ profileId: z.string().min(1).max(100) }).strict(),
    response: sessionStateSchema,
  },
  'session:signOut': {
    request: z.object({ profileId: z.string().min(1).max(100) }).strict(),
    response: sessionStateSchema,
  },
  'partner:refresh': { request: empty, response: sessionStateSchema },
  'clipboard:writeText': {
    request: z.object({ text: z.string().min(1).max(1000) }).strict(),
    response: z.object({ copied: z.literal(true) }),
  },
  'shell:openExternal': {
    request: z.object({ url: z.string().url().max(2000) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /**
   * Rows of the cached customer list of the active profile, at once, before any network call:
   * `limit` rows from `from` (by default all of them).
   */
  'customers:get': {
    request: z
      .object({
        from: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(PAGE_ROWS_MAX).optional(),
      })
      .strict(),
    response: customersReplySchema,
  },
  /**
   * The first `size` rows of the table's default order (name), or the whole list when it fits:
   * served from a small saved file, so the first rows are painted before the list is read.
   */
  'customers:firstPage': {
    request: z.object({ size: z.number().int().min(1).max(FIRST_PAGE_ROWS) }).strict(),
    response: customersReplySchema,
  },
  /**
   * The renderer has painted the whole list `customers:get` gave it: main's start-up sync may begin
   * (its CPU work would otherwise compete with the first paint).
   */
  'customers:shown': { request: empty, response: empty },
  /** Runs a full sync now (or joins the one running); resolves when it ends. */
  'customers:sync': { request: empty, response: syncStatusSchema },
  /** The API's own search, for before the first sync has completed. */
  'customers:searchRemote': {
    request: z.object({ query: z.string().trim().min(1).max(200) }).strict(),
    response: remoteSearchSchema,
  },
  /** Saves the rows given (the current filtered, sorted view) as CSV, from the cache. */
  'customers:exportCsv': {
    request: z.object({ authIds: z.array(z.string().min(1).max(100)).max(200_000) }).strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** One customer's full record: fresh from Vobiz, else the last one saved (offline). */
  'customers:detail': {
    request: z.object({ authId: z.string().trim().min(1).max(100) }).strict(),
    response: customerDetailReplySchema,
  },
  /** Creates a customer (never twice: a lost reply is resolved by looking the email up). */
  'customers:create': { request: newCustomerRequestSchema, response: createdCustomerSchema },
  /** After a lost reply: was the customer with this email created? */
  'customers:checkCreated': {
    request: z.object({ email: z.string().trim().min(3).max(254) }).strict(),
    response: z.object({ created: createdCustomerSchema.nullable() }),
  },
  /** Copies a customer's token (or env lines) in main; the token never comes back. */
  'credentials:copy': { request: copyCredentialRequestSchema, response: copiedSecretSchema },
  /** The one reply that carries a customer token: shown for a few seconds, then dropped. */
  'credentials:reveal': {
    request: z.object({ authId: z.string().trim().min(1).max(100) }).strict(),
    response: revealedTokenSchema,
  },
  'network:get': { request: empty, response: connectivitySchema },
  /** The partner balance as watched this session (current, previous, trend, state). */
  'balance:get': { request: empty, response: partnerBalanceSchema },
  /** Reads the partner balance now (joining a read already running). */
  'balance:refresh': { request: empty, response: partnerBalanceSchema },
  /** One customer's balance from Vobiz (one request in flight per customer). */
  'balance:customer': {
    request: z.object({ authId: z.string().trim().min(1).max(100) }).strict(),
    response: customerBalanceViewSchema,
  },
  /** Moves money from the partner's wallet to a customer's: never twice (see balance-transfers). */
  'transfers:create': { request: transferRequestSchema, response: transferResultSchema },
  /** After a lost reply: was the customer's last transfer applied? */
  'transfers:check': {
    request: z.object({ authId: z.string().trim().min(1).max(100) }).strict(),
    response: z.object({
      applied: transferResultSchema.nullable(),
      /** False when no transfer to this customer was waiting to be checked (e.g. after a restart). */
      known: z.boolean(),
    }),
  },
  /** The transfers made from this app for the active profile, newest first. */
  'transfers:history': {
    request: empty,
    response: z.object({ records: z.array(transferRecordSchema) }),
  },
  /** A page of a customer's ledger (authId) or of the ledger across all customers. */
  'transactions:list': { request: ledgerQuerySchema, response: ledgerPageSchema },
  /** Every entry matching the filters, paged through in main, saved as one CSV file. */
  'transactions:exportCsv': {
    request: ledgerFiltersSchema,
    response: z.object({
      saved: z.boolean(),
      fileName: z.string().nullable(),
      count: z.number().int(),
    }),
  },
  ...subAccountChannels,
  /** The window was hidden or shown: the balance refresh pauses or resumes. */
  'app:visibility': {
    request: z.object({ visible: z.boolean() }).strict(),
    response: partnerBalanceSchema,
  },
  'settings:get': { request: empty, response: settingsSchema },
  'settings:set': { request: settingsSchema.partial().strict(), response: settingsSchema },
  ...usageChannels,
  ...activityChannels,
  ...kycChannels,
  ...capacityChannels,
  ...watchChannels,
  ...notificationChannels,
  ...bulkChannels,
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>

export const events = {
  'session:changed': sessionStateSchema,
  'customers:syncProgress': syncStatusSchema,
  /** The cache was replaced (a sync completed) or cleared: fetch `customers:get` again. */
  'customers:changed': z.object({ syncedAt: z.string().nullable(), count: z.number().int() }),
  'network:changed': connectivitySchema,
  /** A copied secret's timer ran out (or sign-out, quit): cleared, or left as the user replaced it. */
  'clipboard:cleared': clipboardClearedSchema,
  'balance:partner': partnerBalanceSchema,
  /** A bulk statement export moved on (a file written) or ended. */
  'statements:progress': bulkStatementsProgressSchema,
  /** A streamed call-record export moved on (a page written) or ended. */
  'usage:exportProgress': exportProgressSchema,
  /** The watchlist's ledger read started, ended or failed: fetch `watch:list` again. */
  'watch:changed': watchStatusSchema,
  /** An alert was added or read: the centre as it is now. */
  'notifications:changed': notificationCentreSchema,
  /** An OS notification was clicked: open this customer's drawer. */
  'notifications:openCustomer': openCustomerEventSchema,
  /** A bulk top-up moved on (a row sent, resolved or skipped) or ended. */
  'bulk:progress': bulkStateSchema,
} as const satisfies Record<EventNameOf, z.ZodType>

export type Channel = keyof typeof channels
export type EventName = keyof typeof events
/** What the caller passes (before defaults are applied). */
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>
/** What the handler receives (after validation). */
export type ValidRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>

export const channelNames: readonly Channel[] = CHANNEL_NAMES
export { IPC_PREFIX, isChannel, isEventName } from './ipc-names'
