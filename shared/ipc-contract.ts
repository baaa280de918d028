import { z } from 'zod'
import { signInSchema } from './sign-in'
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
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>

export const events = {
  'session:changed': sessionStateSchema,
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
