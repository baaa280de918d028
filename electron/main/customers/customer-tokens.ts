import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { TokenKeeping } from '../../../shared/credentials'
import { writeAtomically } from '../platform/atomic-write'
import type { Logger } from '../platform/logger'
import type { SafeStoragePort } from '../platform/ports'

/**
 * Customer Auth Tokens, so that copying works offline. Per profile, one file
 * `<dataDir>/secrets/<profileId>.tokens` holding safeStorage ciphertext of `{ authId: token }`
 * (one encryption per write, not one per customer: a sync brings up to 100,000 tokens).
 *
 * Tokens are written to disk only when the OS keyring encrypts them, or when the user accepted
 * Linux's weak `basic_text` storage for the profile's own token; otherwise they are kept in
 * memory for this session and copying needs the network after a restart.
 */

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/
const fileSchema = z.object({
  format: z.string(),
  version: z.literal(1),
  tokens: z.record(z.string(), z.string()),
})

/** Which tokens a store keeps: the customers' (by default) or the sub-accounts'. */
export const TOKEN_FILES = {
  customer: { suffix: '.tokens', format: 'partner-desk/customer-tokens' },
  subAccount: { suffix: '.subaccount-tokens', format: 'partner-desk/subaccount-tokens' },
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
  const { logger } = deps
  const { suffix: FILE_SUFFIX, format: FORMAT } = TOKEN_FILES[deps.kind ?? 'customer']
  /** The tokens of each profile opened this session. */
  const loaded = new Map<string, Promise<Map<string, string>>>()
  /** Writes run one after another per profile; each writes the latest map. */
  const writing = new Map<string, Promise<void>>()

  const fileOf = (profileId: string): string => {
    if (!PROFILE_ID.test(profileId)) throw new Error('Not a profile id')
    return join(deps.dataDir, 'secrets', `${profileId}${FILE_SUFFIX}`)
  }

  async function keeping(profileId: string): Promise<TokenKeeping> {
    const status = await deps.safeStorage.status()
    if (status === 'available') return 'encrypted'
    return status === 'basic_text' && deps.allowsWeakStorage(profileId) ? 'encrypted' : 'session'
  }

  async function readFromDisk(profileId: string): Promise<Map<string, string>> {
    let cipher: Buffer
    try {
      cipher = await readFile(fileOf(profileId))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        logger.warn(`${FORMAT} unreadable; discarded`, { error })
      }
      return new Map()
    }
    try {
      const parsed = fileSchema.parse(JSON.parse(await deps.safeStorage.decrypt(cipher)))
      if (parsed.format !== FORMAT) throw new Error('Another kind of token file')
      return new Map(Object.entries(parsed.tokens))
    } catch {
      // Another keyring, a damaged file: the tokens come back with the next sync or detail read.
      logger.warn(`${FORMAT} could not be decrypted; discarded`)
      await rm(fileOf(profileId), { force: true })
      return new Map()
    }
  }

  function tokensOf(profileId: string): Promise<Map<string, string>> {
    let tokens = loaded.get(profileId)
    if (!tokens) {
      tokens = readFromDisk(profileId)
      loaded.set(profileId, tokens)
    }
    return tokens
  }

  async function writeFile(profileId: string, tokens: Map<string, string>): Promise<void> {
    if ((await keeping(profileId)) !== 'encrypted') return
    fileOf(profileId) // checks the id before it becomes a file name
    const body = JSON.stringify({
      format: FORMAT,
      version: 1,
      tokens: Object.fromEntries(tokens),
    })
    const cipher = await deps.safeStorage.encrypt(body)
    await writeAtomically(join(deps.dataDir, 'secrets'), `${profileId}${FILE_SUFFIX}`, cipher)
  }

  function persist(profileId: string, tokens: Map<string, string>): Promise<void> {
    const previous = writing.get(profileId) ?? Promise.resolve()
    const next = previous
      .then(() => writeFile(profileId, tokens))
      .catch((error: unknown) => logger.warn(`could not save ${FORMAT}`, { error }))
    writing.set(profileId, next)
    return next
  }

  return {
    keeping,
    async get(profileId: string, authId: string): Promise<string | null> {
      return (await tokensOf(profileId)).get(authId) ?? null
    },
    /** Adds or updates tokens (a detail read, a created customer). Placeholders are ignored. */
    async put(profileId: string, entries: Iterable<[string, string | null | undefined]>) {
      const tokens = await tokensOf(profileId)
      let changed = false
      for (const [authId, token] of entries) {
        if (!isUsableToken(token) || tokens.get(authId) === token) continue
        tokens.set(authId, token)
        changed = true
      }
      if (changed) await persist(profileId, tokens)
    },
    /** One account is gone (a deleted sub-account): its token goes too. */
    async remove(profileId: string, authId: string): Promise<void> {
      const tokens = await tokensOf(profileId)
      if (tokens.delete(authId)) await persist(profileId, tokens)
    },
    /** After a complete sync: exactly the tokens of the customers that exist now. */
    async replaceAll(profileId: string, entries: Iterable<[string, string | null | undefined]>) {
      const tokens = await tokensOf(profileId)
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
      await persist(profileId, tokens)
    },
    /** Sign-out: the profile's tokens leave memory and disk. */
    async forget(profileId: string): Promise<void> {
      await writing.get(profileId)
      loaded.delete(profileId)
      writing.delete(profileId)
      await rm(fileOf(profileId), { force: true })
    },
  }
}
