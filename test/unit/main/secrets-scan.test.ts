import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { scanRun } from '../../e2e/support/global-teardown'
import {
  recordSecrets,
  sandboxSecrets,
  scanForSecrets,
  secretForms,
} from '../../e2e/support/secrets-scan'
import { createAesGcmSafeStorage } from '../../support/aes-gcm-safe-storage'
import { makeTempDir } from '../../support/temp-dir'

const TOKEN = 'Kq3ZtV8xWm2LpR7nYc4HsJ6dFb9GaE1uTo5NiQ0w' // shaped like a sandbox customer token
const secret = { label: 'customer C1 token', value: TOKEN }

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir()
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

describe('secrets scan', () => {
  it('finds a planted token in a plain file, a log line and a storage dump', () => {
    const dir = folderWith({
      'partner-desk.json': '{"profiles":[]}',
      'logs/main.log': `2026-11-20 info signed in {"token":"${TOKEN}"}\n`,
      'renderer-storage/t1.json': JSON.stringify({ localStorage: [{ value: TOKEN }] }),
    })
    const { leaks, files } = scanForSecrets([dir], [secret], dir)
    expect(files).toBe(3)
    expect(leaks).toEqual([
      { file: join('logs', 'main.log'), label: 'customer C1 token', form: 'text' },
      { file: join('renderer-storage', 't1.json'), label: 'customer C1 token', form: 'text' },
    ])
  })

  it.each([0, 1, 2, 5])(
    'finds it base64- and base64url-encoded inside a longer blob (%i bytes before it)',
    (before) => {
      const blob = Buffer.concat([Buffer.alloc(before, 7), Buffer.from(TOKEN), Buffer.from('!?')])
      for (const encoding of ['base64', 'base64url'] as const) {
        const dir = folderWith({ 'cache.json': `{"blob":"${blob.toString(encoding)}"}` })
        const { leaks } = scanForSecrets([dir], [secret], dir)
        // (An alphanumeric token's base64 and base64url forms may be the same text.)
        expect(leaks, encoding).toEqual([
          {
            file: 'cache.json',
            label: 'customer C1 token',
            form: expect.stringMatching(/^base64/),
          },
        ])
      }
    },
  )

  it('finds it as UTF-16 and %-encoded text', () => {
    const special = { label: 'partner token', value: 'ab+/cd=ef-GH_ij.kl' }
    const dir = folderWith({
      'a.bin': Buffer.from(`x${TOKEN}y`, 'utf16le'),
      'b.txt': `url?token=${encodeURIComponent(special.value)}`,
    })
    const { leaks } = scanForSecrets([dir], [secret, special], dir)
    expect(leaks).toEqual([
      { file: 'a.bin', label: 'customer C1 token', form: 'utf-16' },
      { file: 'b.txt', label: 'partner token', form: '%-encoded' },
    ])
  })

  it('passes AES-GCM ciphertext of the token, and clean files', async () => {
    const dir = makeTempDir()
    const storage = createAesGcmSafeStorage({ keyFile: join(dir, 'keyring', 'key') })
    const cipher = await storage.encrypt(TOKEN)
    writeFileSync(join(dir, 'tokens.bin'), cipher)
    writeFileSync(join(dir, 'tokens.json'), JSON.stringify({ c: cipher.toString('base64') }))
    writeFileSync(join(dir, 'cache.json'), '{"rows":[["C1","Acme"]]}')
    expect(scanForSecrets([dir], [secret], dir).leaks).toEqual([])
    // Too short to scan for: it would match by chance.
    expect(scanForSecrets([dir], [{ label: 'short', value: 'C1' }], dir).secrets).toBe(0)
    expect(secretForms(TOKEN).every((form) => form.bytes.length >= 8)).toBe(true)
  })
})

describe('the after-run scan (global teardown)', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ customers: 130, seed: 3 })
  })
  afterAll(() => sandbox.close())

  it('records a sandbox’s partner and customer tokens from its API', async () => {
    const secrets = await sandboxSecrets(sandbox.baseUrl, sandbox.credentials)
    expect(secrets).toHaveLength(131)
    expect(secrets[0]).toEqual({ label: 'partner token', value: sandbox.credentials.authToken })
    expect(new Set(secrets.map((s) => s.value)).size).toBe(131)
  })

  it('throws, naming file and token, when a recorded token is in a user-data file', async () => {
    const known = makeTempDir()
    const userData = makeTempDir()
    recordSecrets(known, 'test', await sandboxSecrets(sandbox.baseUrl, sandbox.credentials))
    writeFileSync(join(userData, 'clean.json'), '{}')
    expect(scanRun(userData, known)).toMatch(/131 sandbox tokens .* none found/)

    mkdirSync(join(userData, 'bridge-x', 'logs'), { recursive: true })
    writeFileSync(
      join(userData, 'bridge-x', 'logs', 'main.log'),
      `leaked ${sandbox.credentials.authToken}`,
    )
    expect(() => scanRun(userData, known)).toThrow(/main\.log: partner token \(text\)/)
  })
})
