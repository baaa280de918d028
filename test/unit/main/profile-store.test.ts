import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCustomerCache } from '../../../electron/main/customers/customer-cache'
import { createCustomerTokens } from '../../../electron/main/customers/customer-tokens'
import { createTransferHistory } from '../../../electron/main/money/transfer-history'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { SafeStoragePort } from '../../../electron/main/platform/ports'
import {
  createProfileFile,
  createProfileMap,
  type ProfileFilePlace,
} from '../../../electron/main/platform/profile-store'
import { CUSTOMER_FIELDS } from '../../../shared/customer-tuples'
import { createAesGcmSafeStorage } from '../../support/aes-gcm-safe-storage'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

const numberIn = (json: unknown) => (typeof json === 'number' ? json : null)

function setup(place: ProfileFilePlace = { cache: 'count.json' }) {
  const dataDir = makeTempDir()
  const log = join(dataDir, 'main.log')
  const logger = createFileLogger({ file: log })
  const file = createProfileFile({ dataDir, logger, place, decode: numberIn })
  return { dataDir, log, logger, file, logText: () => readFileSync(log, 'utf8') }
}

/** AES-GCM whose encryptions wait for `release()`, one by one, and are counted. */
function heldEncryption(keyFile: string) {
  const real = createAesGcmSafeStorage({ keyFile })
  const waiting: (() => void)[] = []
  const safeStorage: SafeStoragePort = {
    ...real,
    async encrypt(plain) {
      await new Promise<void>((resolve) => waiting.push(resolve))
      return real.encrypt(plain)
    },
  }
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve))
  return {
    safeStorage,
    /** Encryptions begun and not released yet. */
    held: () => waiting.length,
    async release() {
      waiting.shift()?.()
      await settle()
    },
    settle,
  }
}

describe('profile file', () => {
  it('keeps plain files in the cache folder and secret ones encrypted in the secrets folder', async () => {
    const plain = setup({ cache: 'count.json' })
    await plain.file.write('p1', 7)
    expect(readFileSync(join(plain.dataDir, 'cache', 'p1', 'count.json'), 'utf8')).toBe('7')

    const dataDir = makeTempDir()
    const keyFile = join(dataDir, 'key')
    const secretPlace = {
      secret: '.words',
      safeStorage: createAesGcmSafeStorage({ keyFile }),
    }
    const logger = createFileLogger({ file: join(dataDir, 'main.log') })
    const decode = (json: unknown) => (typeof json === 'string' ? json : null)
    const secret = createProfileFile({ dataDir, logger, place: secretPlace, decode })
    await secret.write('p1', 'plain-secret-words')
    expect(readdirSync(join(dataDir, 'secrets'))).toEqual(['p1.words'])
    expect(filesContaining(dataDir, 'plain-secret-words')).toEqual([])
    // A second instance with the same key (the next start) reads it back.
    const again = createProfileFile({ dataDir, logger, place: secretPlace, decode })
    expect(await again.load('p1')).toEqual({ kind: 'loaded', value: 'plain-secret-words' })
  })

  it('reads a missing file as missing, and a written one back', async () => {
    const { file } = setup()
    expect(await file.load('p1')).toEqual({ kind: 'missing' })
    expect(await file.read('p1')).toBeUndefined()
    await file.write('p1', 3)
    expect(await file.load('p1')).toEqual({ kind: 'loaded', value: 3 })
    expect(await file.read('p2')).toBeUndefined()
  })

  it('runs writes one at a time, in call order, and reads after the writes asked for before', async () => {
    const dataDir = makeTempDir()
    const keyFile = join(dataDir, 'key')
    const encryption = heldEncryption(keyFile)
    const open = (safeStorage: SafeStoragePort) =>
      createProfileFile({
        dataDir,
        logger: createFileLogger({ file: join(dataDir, 'main.log') }),
        place: { secret: '.count', safeStorage },
        decode: numberIn,
      })
    const file = open(encryption.safeStorage)
    const [first, second] = [file.write('p1', 1), file.write('p1', 2)]
    const read = file.read('p1')
    await encryption.settle()
    // The second write waits for the first one to be on disk.
    expect(encryption.held()).toBe(1)
    await encryption.release()
    await first
    await encryption.settle()
    expect(encryption.held()).toBe(1)
    expect(await open(createAesGcmSafeStorage({ keyFile })).read('p1')).toBe(1)
    await encryption.release()
    await second
    expect(await read).toBe(2)
  })

  it('applies every one of many concurrent updates', async () => {
    const { file } = setup()
    await Promise.all(Array.from({ length: 20 }, () => file.update('p1', (n = 0) => n + 1)))
    expect(await file.read('p1')).toBe(20)
  })

  it('discards a damaged file or one the decoder refuses, with a warning, and deletes it', async () => {
    const { dataDir, file, logText } = setup()
    const path = join(dataDir, 'cache', 'p1', 'count.json')
    mkdirSync(join(dataDir, 'cache', 'p1'), { recursive: true })
    writeFileSync(path, '{"cut short')
    expect(await file.load('p1')).toEqual({ kind: 'discarded' })
    expect(existsSync(path)).toBe(false)
    expect(logText()).toMatch(/"level":"warn","message":"count\.json unreadable; discarded"/)
    writeFileSync(path, '"not a number"')
    expect(await file.load('p1')).toEqual({ kind: 'discarded' })
    expect(existsSync(path)).toBe(false)
    // An update starts again from nothing.
    writeFileSync(path, '[]')
    await file.update('p1', (n = 10) => n + 1)
    expect(await file.read('p1')).toBe(11)
  })

  it('discards a secret file another keyring wrote', async () => {
    const dataDir = makeTempDir()
    const log = join(dataDir, 'main.log')
    const open = (keyFile: string) =>
      createProfileFile({
        dataDir,
        logger: createFileLogger({ file: log }),
        place: { secret: '.count', safeStorage: createAesGcmSafeStorage({ keyFile }) },
        decode: numberIn,
      })
    await open(join(dataDir, 'key-1')).write('p1', 5)
    expect(await open(join(dataDir, 'key-2')).load('p1')).toEqual({ kind: 'discarded' })
    expect(existsSync(join(dataDir, 'secrets', 'p1.count'))).toBe(false)
    expect(readFileSync(log, 'utf8')).toContain('p1.count unreadable; discarded')
  })

  it('removes temporary files a crash left behind, only its own', async () => {
    const { dataDir, file } = setup()
    await file.write('p1', 1)
    const folder = join(dataDir, 'cache', 'p1')
    writeFileSync(join(folder, '.count.json.0123456789ab.tmp'), '2')
    writeFileSync(join(folder, '.other.json.0123456789ab.tmp'), '3')
    expect(await file.read('p1')).toBe(1)
    expect(readdirSync(folder).sort()).toEqual(['.other.json.0123456789ab.tmp', 'count.json'])
  })

  it('refuses an id that is not a profile id, before touching the disk', async () => {
    const secret = setup({
      secret: '.count',
      safeStorage: createAesGcmSafeStorage({ keyFile: join(makeTempDir(), 'key') }),
    })
    for (const { file, dataDir } of [setup(), secret]) {
      for (const id of ['..', '../x', 'a/b', '', 'x'.repeat(65), 'a\\b']) {
        await expect(file.load(id), id).rejects.toThrow(/profile id/)
        await expect(file.write(id, 1), id).rejects.toThrow(/profile id/)
        await expect(
          file.update(id, () => 1),
          id,
        ).rejects.toThrow(/profile id/)
        await expect(file.remove(id), id).rejects.toThrow(/profile id/)
        expect(() => file.path(id), id).toThrow(/profile id/)
      }
      expect(readdirSync(dataDir).filter((name) => name !== 'main.log')).toEqual([])
    }
  })

  it('a failed write is logged and thrown; the next one works', async () => {
    const { dataDir, file, logText } = setup()
    mkdirSync(join(dataDir, 'cache'), { recursive: true })
    // A file where the profile's folder should be.
    writeFileSync(join(dataDir, 'cache', 'p1'), '')
    await expect(file.write('p1', 1)).rejects.toThrow()
    expect(logText()).toContain('count.json not saved')
    await expect(file.update('p1', () => 2)).rejects.toThrow()
    rmSync(join(dataDir, 'cache', 'p1'))
    await file.write('p1', 3)
    expect(await file.read('p1')).toBe(3)
  })

  it('remove waits for the writes asked for before it', async () => {
    const { dataDir, file } = setup()
    const write = file.write('p1', 1)
    await file.remove('p1')
    await write
    expect(existsSync(join(dataDir, 'cache', 'p1', 'count.json'))).toBe(false)
  })
})

describe('profile map', () => {
  const set = (key: string, value: number) => (map: Map<string, number>) =>
    map.set(key, value) && true
  function mapSetup(options: { limit?: number; mayWrite?: () => Promise<boolean> } = {}) {
    const dataDir = makeTempDir()
    const logger = createFileLogger({ file: join(dataDir, 'main.log') })
    const open = () =>
      createProfileMap<number>({
        file: createProfileFile({
          dataDir,
          logger,
          place: { cache: 'map.json' },
          decode: (json) => new Map(json as [string, number][]),
          encode: (map) => [...map],
        }),
        ...options,
      })
    return { dataDir, open, path: join(dataDir, 'cache', 'p1', 'map.json') }
  }

  it('keeps only the most recently set entries within the limit, in memory and on disk', async () => {
    const { open, path } = mapSetup({ limit: 3 })
    const map = open()
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const) {
      await map.change('p1', set(key, value))
    }
    // Setting `a` again makes it the most recent; `b` is then the oldest.
    await map.change('p1', (m) => m.delete('a') && set('a', 4)(m))
    await map.change('p1', set('d', 5))
    expect(await map.get('p1', 'b')).toBeUndefined()
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([
      ['c', 3],
      ['a', 4],
      ['d', 5],
    ])
    expect(await open().get('p1', 'a')).toBe(4)
  })

  it('writes nothing when the change says nothing changed, or while it may not write', async () => {
    const unchanged = mapSetup()
    await unchanged.open().change('p1', () => false)
    expect(existsSync(unchanged.path)).toBe(false)

    const refused = mapSetup({ mayWrite: async () => false })
    const map = refused.open()
    await map.change('p1', set('a', 1))
    expect(existsSync(refused.path)).toBe(false)
    // Memory keeps it for this session.
    expect(await map.get('p1', 'a')).toBe(1)
  })

  it('a failed save does not reject, and memory keeps the change', async () => {
    const { dataDir, open } = mapSetup()
    mkdirSync(join(dataDir, 'cache'), { recursive: true })
    writeFileSync(join(dataDir, 'cache', 'p1'), '')
    const map = open()
    await expect(map.change('p1', set('a', 1))).resolves.toBeUndefined()
    expect(await map.get('p1', 'a')).toBe(1)
  })

  it('forget drops the profile from memory and disk', async () => {
    const { open, path } = mapSetup()
    const map = open()
    await map.change('p1', set('a', 1))
    await map.forget('p1')
    expect(existsSync(path)).toBe(false)
    expect(await map.get('p1', 'a')).toBeUndefined()
  })
})

describe('files written before the profile store', () => {
  it('are read as they are: customer list, transfers and encrypted tokens', async () => {
    const dataDir = makeTempDir()
    const logger = createFileLogger({ file: join(dataDir, 'main.log') })
    const cacheFolder = join(dataDir, 'cache', 'p1')
    mkdirSync(cacheFolder, { recursive: true })
    writeFileSync(
      join(cacheFolder, 'customers.json'),
      JSON.stringify({
        format: 'partner-desk/customers',
        version: 1,
        profileId: 'p1',
        syncedAt: '2026-05-06T07:12:40.437Z',
        fields: CUSTOMER_FIELDS,
        rows: [['MA_1', 'Asha', null, 'a@x.in', null, '1.50000', 'INR', null, true, true, null]],
      }),
    )
    const record = {
      reference: 'PD-1',
      transactionId: null,
      authId: 'MA_1',
      customerName: 'Asha',
      amount: '10.00000',
      currency: 'INR',
      at: '2026-11-20T10:00:00.000Z',
      outcome: 'unknown',
    }
    writeFileSync(
      join(cacheFolder, 'transfers.json'),
      JSON.stringify({ format: 'partner-desk/transfers', version: 1, records: [record] }),
    )
    const safeStorage = createAesGcmSafeStorage({ keyFile: join(dataDir, 'key') })
    mkdirSync(join(dataDir, 'secrets'))
    writeFileSync(
      join(dataDir, 'secrets', 'p1.tokens'),
      await safeStorage.encrypt(
        JSON.stringify({
          format: 'partner-desk/customer-tokens',
          version: 1,
          tokens: { MA_1: 't' },
        }),
      ),
    )

    expect(await createCustomerCache({ dataDir, logger }).load('p1')).toMatchObject({
      kind: 'loaded',
      rows: [{ authId: 'MA_1', name: 'Asha', balance: '1.50000', kycStatus: null }],
    })
    expect(await createTransferHistory({ dataDir, logger }).list('p1')).toEqual([record])
    const tokens = createCustomerTokens({
      dataDir,
      safeStorage,
      logger,
      allowsWeakStorage: () => false,
    })
    expect(await tokens.get('p1', 'MA_1')).toBe('t')
  })
})
