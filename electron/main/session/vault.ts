import { createHash } from 'node:crypto'
import { z } from 'zod'
import { appError, fail } from '../../../shared/app-error'
import type { TokenStorage } from '../../../shared/ipc-contract'
import type { Logger } from '../platform/logger'
import type { KeyValueStore, SafeStoragePort, SafeStorageStatus } from '../platform/ports'

const storedProfileSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  baseUrl: z.string(),
  authId: z.string().min(1),
  isSandbox: z.boolean().default(false),
  /** Ciphertext only, base64; which backend made it decides how safe it is. */
  token: z
    .object({ cipher: z.string().min(1), backend: z.enum(['available', 'basic_text']) })
    .nullable()
    .default(null),
})
export type StoredProfile = z.infer<typeof storedProfileSchema>
export type ProfileIdentity = Pick<StoredProfile, 'label' | 'baseUrl' | 'authId' | 'isSandbox'>

const PROFILES_KEY = 'profiles'
const ACTIVE_KEY = 'activeProfileId'

export const profileIdFor = (baseUrl: string, authId: string, isSandbox: boolean): string =>
  createHash('sha256')
    .update(isSandbox ? `sandbox\n${authId}` : `${baseUrl}\n${authId}`)
    .digest('hex')
    .slice(0, 16)

export type Vault = ReturnType<typeof createVault>

/**
 * Partner profiles and their tokens. Tokens are persisted only as safeStorage ciphertext; with no
 * keyring (Linux basic_text) or no encryption they stay in memory for this session unless the
 * user explicitly accepts weak storage.
 */
export function createVault(deps: {
  store: KeyValueStore
  safeStorage: SafeStoragePort
  logger: Logger
}) {
  const { store, safeStorage, logger } = deps
  const sessionTokens = new Map<string, string>()
  const decrypted = new Map<string, string>()

  function readProfiles(): StoredProfile[] {
    const raw = store.get(PROFILES_KEY)
    if (raw === undefined) return []
    const parsed = z.array(z.unknown()).safeParse(raw)
    if (!parsed.success) {
      logger.warn('profile list unreadable; starting with none')
      store.delete(PROFILES_KEY)
      return []
    }
    return parsed.data.flatMap((item) => {
      const profile = storedProfileSchema.safeParse(item)
      if (!profile.success) logger.warn('dropped an unreadable saved profile')
      return profile.success ? [profile.data] : []
    })
  }

  const writeProfiles = (profiles: StoredProfile[]) => store.set(PROFILES_KEY, profiles)

  function tokenStorageOf(profile: StoredProfile): TokenStorage {
    if (profile.token) return profile.token.backend === 'available' ? 'encrypted' : 'weak'
    return sessionTokens.has(profile.id) ? 'session' : 'none'
  }

  async function save(
    identity: ProfileIdentity,
    token: string,
    options: { allowWeakStorage: boolean },
  ): Promise<{ profile: StoredProfile; storage: TokenStorage; notice: string | null }> {
    const id = profileIdFor(identity.baseUrl, identity.authId, identity.isSandbox)
    const status: SafeStorageStatus = await safeStorage.status()
    const persist = status === 'available' || (status === 'basic_text' && options.allowWeakStorage)
    let stored: StoredProfile['token'] = null
    let notice: string | null = null
    if (persist) {
      try {
        const cipher = await safeStorage.encrypt(token)
        stored = { cipher: cipher.toString('base64'), backend: status }
      } catch (error) {
        logger.error('token encryption failed', { error })
        notice = 'Your token could not be encrypted, so it is kept for this session only.'
      }
    } else {
      notice =
        status === 'basic_text'
          ? 'No system keyring was found, so your token is kept for this session only. You will sign in again next time.'
          : 'This computer offers no secure storage, so your token is kept for this session only.'
    }
    const profile: StoredProfile = { id, ...identity, token: stored }
    writeProfiles([...readProfiles().filter((p) => p.id !== id), profile])
    decrypted.set(id, token)
    if (stored) sessionTokens.delete(id)
    else sessionTokens.set(id, token)
    logger.info('profile saved', { profileId: id, storage: stored?.backend ?? 'session' })
    return { profile, storage: tokenStorageOf(profile), notice }
  }

  async function token(profileId: string): Promise<string | null> {
    const cached = decrypted.get(profileId) ?? sessionTokens.get(profileId)
    if (cached) return cached
    const profile = readProfiles().find((p) => p.id === profileId)
    if (!profile?.token) return null
    try {
      const plain = await safeStorage.decrypt(Buffer.from(profile.token.cipher, 'base64'))
      decrypted.set(profileId, plain)
      return plain
    } catch (error) {
      // The keyring changed or the data is damaged: the token is lost, the profile is kept.
      logger.warn('saved token could not be decrypted; it was removed', { profileId, error })
      update(profileId, { token: null })
      return fail(
        appError.storage('Your saved token could not be unlocked on this computer. Sign in again.'),
      )
    }
  }

  function update(profileId: string, patch: Partial<StoredProfile>): void {
    writeProfiles(readProfiles().map((p) => (p.id === profileId ? { ...p, ...patch } : p)))
  }

  function forgetToken(profileId: string): void {
    sessionTokens.delete(profileId)
    decrypted.delete(profileId)
    update(profileId, { token: null })
  }

  return {
    profiles: readProfiles,
    profile: (profileId: string) => readProfiles().find((p) => p.id === profileId) ?? null,
    tokenStorage: (profileId: string): TokenStorage => {
      const profile = readProfiles().find((p) => p.id === profileId)
      return profile ? tokenStorageOf(profile) : 'none'
    },
    save,
    token,
    update,
    forgetToken,
    activeProfileId: (): string | null => {
      const id = store.get(ACTIVE_KEY)
      return typeof id === 'string' && readProfiles().some((p) => p.id === id) ? id : null
    },
    setActive: (profileId: string | null) =>
      profileId === null ? store.delete(ACTIVE_KEY) : store.set(ACTIVE_KEY, profileId),
    encryptionStatus: () => safeStorage.status(),
  }
}
