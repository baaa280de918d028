import { z } from 'zod'
import type { TokenKeeping } from '../../../shared/credentials'
import type { Logger } from '../platform/logger'
import type { SafeStoragePort } from '../platform/ports'
import { createProfileFile, createProfileMap } from '../platform/profile-store'

/**
 * Customer Auth Tokens, so that copying works offline. Per profile, one file
 * `<dataDir>/secrets/<profileId>.tokens` holding safeStorage ciphertext of `{ authId: token }`
 * (one encryption per write, not one per customer: a sync brings up to 100,000 tokens).
 *
 * Tokens are written to disk only when the OS keyring encrypts them, or when the user accepted
 * Linux's weak `basic_text` storage for the profile's own token; otherwise they are kept in
 * memory for this session and copying needs the network after a restart.
 */

const fileSchema = z.object({
  format: z.string(),
  version: z.literal(1),
  tokens: z.record(z.string(), z.string()),
})

/**
 * Which secrets a store keeps: the customers' tokens (by default), the sub-accounts', or the
 * KYC sessions' links to hand over (by session id).
 */
export const TOKEN_FILES = {
  customer: { suffix: '.tokens', format: 'partner-desk/customer-tokens' },
  subAccount: { suffix: '.subaccount-tokens', format: 'partner-desk/subaccount-tokens' },
  kycLink: { suffix: '.kyc-links', format: 'partner-desk/kyc-links' },
} as const

/** The API's placeholder where it withholds a token; never a usable credential. */
const PLACEHOLDER = /^<.*>$/

export const isUsableToken = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '' && !PLACEHOLDER.test(value.trim())

export type CustomerTokens = ReturnType<typeof createCustomerTokens>

export function createCustomerTokens(deps: {
  dataDir: string
  safeStorage: SafeStoragePort
  logger: Logger
  /** Whether this profile may keep secrets on disk with weak (basic_text) encryption. */
  allowsWeakStorage: (profileId: string) => boolean
  kind?: keyof typeof TOKEN_FILES
}) {
  const { suffix, format } = TOKEN_FILES[deps.kind ?? 'customer']

  async function keeping(profileId: string): Promise<TokenKeeping> {
    const status = await deps.safeStorage.status()
    if (status === 'available') return 'encrypted'
    return status === 'basic_text' && deps.allowsWeakStorage(profileId) ? 'encrypted' : 'session'
  }

  /** The tokens of each profile opened this session; on disk only while encryption is real. */
  const saved = createProfileMap<string>({
    file: createProfileFile({
      dataDir: deps.dataDir,
      logger: deps.logger,
      place: { secret: suffix, safeStorage: deps.safeStorage },
      decode: (json) => {
        const file = fileSchema.safeParse(json)
        return file.success && file.data.format === format
          ? new Map(Object.entries(file.data.tokens))
          : null
      },
      encode: (tokens) => ({ format, version: 1, tokens: Object.fromEntries(tokens) }),
    }),
    mayWrite: async (profileId) => (await keeping(profileId)) === 'encrypted',
  })

  return {
    keeping,
    async get(profileId: string, authId: string): Promise<string | null> {
      return (await saved.get(profileId, authId)) ?? null
    },
    /** Adds or updates tokens (a detail read, a created customer). Placeholders are ignored. */
    put(profileId: string, entries: Iterable<[string, string | null | undefined]>) {
      return saved.change(profileId, (tokens) => {
        let changed = false
        for (const [authId, token] of entries) {
          if (!isUsableToken(token) || tokens.get(authId) === token) continue
          tokens.set(authId, token)
          changed = true
        }
        return changed
      })
    },
    /** One account is gone (a deleted sub-account): its token goes too. */
    remove(profileId: string, authId: string): Promise<void> {
      return saved.change(profileId, (tokens) => tokens.delete(authId))
    },
    /** After a complete sync: exactly the tokens of the customers that exist now. */
    replaceAll(profileId: string, entries: Iterable<[string, string | null | undefined]>) {
      return saved.change(profileId, (tokens) => {
        const previous = new Map(tokens)
        tokens.clear()
        for (const [authId, token] of entries) {
          if (isUsableToken(token)) tokens.set(authId, token)
          else {
            // A list that withholds tokens keeps the ones read from the customer's detail.
            const known = previous.get(authId)
            if (known) tokens.set(authId, known)
          }
        }
        return true
      })
    },
    /** Sign-out: the profile's tokens leave memory and disk. */
    forget: (profileId: string) => saved.forget(profileId),
  }
}
