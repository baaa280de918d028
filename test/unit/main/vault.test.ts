import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../shared/app-error'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { SafeStorageStatus } from '../../../electron/main/platform/ports'
import { createVault } from '../../../electron/main/session/vault'
import { createAesGcmSafeStorage } from '../../support/aes-gcm-safe-storage'
import { createConfStore } from '../../support/conf-store'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

const TOKEN = 'partner-token-Zx81-secret'
const identity = {
  label: 'Prod',
  baseUrl: 'https://api.vobiz.ai',
  authId: 'PA_ONE',
  isSandbox: false,
}

function vaultIn(dir: string, status: SafeStorageStatus = 'available') {
  return createVault({
    store: createConfStore(dir),
    safeStorage: createAesGcmSafeStorage({ keyFile: join(dir, 'keyring', 'key'), status }),
    logger: createFileLogger({ file: join(dir, 'logs', 'main.log') }),
  })
}

describe('vault', () => {
  it('persists only ciphertext and gets the token back after a restart', async () => {
    const dir = makeTempDir()
    const saved = await vaultIn(dir).save(identity, TOKEN, { allowWeakStorage: false })
    expect(saved.storage).toBe('encrypted')
    expect(saved.notice).toBeNull()
    expect(filesContaining(dir, TOKEN)).toEqual([])

    const restarted = vaultIn(dir)
    expect(restarted.profiles().map((p) => p.authId)).toEqual(['PA_ONE'])
    expect(await restarted.token(saved.profile.id)).toBe(TOKEN)
  })

  it('keeps the token for this session only on basic_text unless the user accepts', async () => {
    const dir = makeTempDir()
    const vault = vaultIn(dir, 'basic_text')
    const saved = await vault.save(identity, TOKEN, { allowWeakStorage: false })
    expect(saved.storage).toBe('session')
    expect(saved.notice).toMatch(/session only/)
    expect(await vault.token(saved.profile.id)).toBe(TOKEN)
    expect(filesContaining(dir, TOKEN)).toEqual([])
    // After a restart the profile is remembered but the token is not.
    expect(await vaultIn(dir, 'basic_text').token(saved.profile.id)).toBeNull()

    const accepted = await vaultIn(dir, 'basic_text').save(identity, TOKEN, {
      allowWeakStorage: true,
    })
    expect(accepted.storage).toBe('weak')
    expect(await vaultIn(dir, 'basic_text').token(accepted.profile.id)).toBe(TOKEN)
  })

  it('never persists when encryption is unavailable, even if the user accepts', async () => {
    const dir = makeTempDir()
    const saved = await vaultIn(dir, 'unavailable').save(identity, TOKEN, {
      allowWeakStorage: true,
    })
    expect(saved.storage).toBe('session')
    expect(saved.notice).toMatch(/no secure storage/)
    expect(filesContaining(dir, TOKEN)).toEqual([])
  })

  it('forgets the token on sign-out but keeps the profile for the next sign-in', async () => {
    const dir = makeTempDir()
    const vault = vaultIn(dir)
    const { profile } = await vault.save(identity, TOKEN, { allowWeakStorage: false })
    vault.forgetToken(profile.id)
    expect(await vault.token(profile.id)).toBeNull()
    expect(vault.tokenStorage(profile.id)).toBe('none')
    expect(readFileSync(join(dir, 'partner-desk.json'), 'utf8')).not.toContain('cipher')
  })

  it('reports a token that no longer decrypts (new keyring) as a storage error and drops it', async () => {
    const dir = makeTempDir()
    const { profile } = await vaultIn(dir).save(identity, TOKEN, { allowWeakStorage: false })
    const otherKeyring = createVault({
      store: createConfStore(dir),
      safeStorage: createAesGcmSafeStorage({ keyFile: join(dir, 'other-keyring', 'key') }),
      logger: createFileLogger({ file: join(dir, 'logs', 'main.log') }),
    })
    const failure = await otherKeyring.token(profile.id).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AppFailure)
    expect((failure as AppFailure).appError.kind).toBe('storage')
    expect(otherKeyring.tokenStorage(profile.id)).toBe('none')
  })

  it('drops unreadable saved profiles instead of crashing', async () => {
    const dir = makeTempDir()
    const store = createConfStore(dir)
    store.set('profiles', [{ id: 'x' }, { ...identity, id: 'good', token: null }, 'junk'])
    const vault = vaultIn(dir)
    expect(vault.profiles().map((p) => p.id)).toEqual(['good'])
  })
})
