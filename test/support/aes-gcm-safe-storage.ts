import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SafeStoragePort, SafeStorageStatus } from '../../electron/main/platform/ports'

/**
 * A real AES-256-GCM stand-in for Electron's safeStorage: the key plays the OS keyring and lives
 * in its own file, so ciphertext in the store is as opaque as in the app.
 */
export function createAesGcmSafeStorage(options: {
  keyFile: string
  status?: SafeStorageStatus
}): SafeStoragePort {
  const status = options.status ?? 'available'
  const key = loadOrCreateKey(options.keyFile)
  return {
    status: async () => status,
    async encrypt(plain) {
      if (status === 'unavailable') throw new Error('Encryption is not available')
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

function loadOrCreateKey(file: string): Buffer {
  if (existsSync(file)) return readFileSync(file)
  mkdirSync(dirname(file), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key, { mode: 0o600 })
  return key
}
