import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppFailure, appError } from '../../../shared/app-error'
import type { CustomerRow } from '../../../shared/customers'
import { isCustomerRow } from '../../../shared/quick-checks'
import { TEMP_SUFFIX, writeAtomically } from './atomic-write'
import type { Logger } from './logger'

/**
 * The plain customer cache of each partner profile: `<dataDir>/cache/<profileId>/customers.json`,
 * readable by this user only, display fields only (never a token). It is replaced atomically:
 * a temporary file is written and flushed to disk, then renamed over the old one, so a crash or a
 * full disk leaves either the old complete list or the new complete list.
 */

const FORMAT = 'partner-desk/customers'
const VERSION = 1
const FILE = 'customers.json'

/**
 * Rows are stored as arrays in this field order: about a third smaller than objects. The file
 * names the fields, so a file written with another order is recognised and discarded.
 */
const FIELDS = [
  'authId',
  'name',
  'company',
  'email',
  'phone',
  'balance',
  'currency',
  'kycStatus',
  'enabled',
  'active',
  'createdAt',
] as const satisfies readonly (keyof CustomerRow)[]

type StoredRow<T extends readonly (keyof CustomerRow)[]> = {
  -readonly [I in keyof T]: T[I] extends keyof CustomerRow ? CustomerRow[T[I]] : never
}
type Stored = StoredRow<typeof FIELDS>

const toStored = (r: CustomerRow): Stored => [
  r.authId,
  r.name,
  r.company,
  r.email,
  r.phone,
  r.balance,
  r.currency,
  r.kycStatus,
  r.enabled,
  r.active,
  r.createdAt,
]

// Spelled out (not built from FIELDS) because this runs for every row at start-up.
const fromStored = (v: readonly unknown[]): Record<keyof CustomerRow, unknown> => ({
  authId: v[0],
  name: v[1],
  company: v[2],
  email: v[3],
  phone: v[4],
  balance: v[5],
  currency: v[6],
  kycStatus: v[7],
  enabled: v[8],
  active: v[9],
  createdAt: v[10],
})

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  profileId: z.string(),
  syncedAt: z.iso.datetime(),
  fields: z.array(z.string()),
  // Each row is checked by `customerRowSchema` once it is an object again.
  rows: z.array(z.unknown()),
})

export type CachedCustomers = { syncedAt: string; rows: CustomerRow[] }

export type CacheLoad =
  | { kind: 'missing' }
  | ({ kind: 'loaded' } & CachedCustomers)
  /** The file was unreadable or damaged and has been deleted; `notice` tells the user. */
  | { kind: 'discarded'; notice: string }

export const DISCARDED_NOTICE =
  'The saved customer list could not be read, so it was discarded. It is downloaded again when Partner Desk is online.'

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/

export type CustomerCache = ReturnType<typeof createCustomerCache>

export function createCustomerCache(deps: { dataDir: string; logger: Logger }) {
  const { logger } = deps
  const folder = (profileId: string): string => {
    // Profile ids are hex digests; anything else must not become a path.
    if (!PROFILE_ID.test(profileId)) throw new Error('Not a profile id')
    return join(deps.dataDir, 'cache', profileId)
  }

  async function load(profileId: string): Promise<CacheLoad> {
    const dir = folder(profileId)
    await removeTempFiles(dir)
    let text: string
    try {
      text = await readFile(join(dir, FILE), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
      return discard(profileId, 'unreadable', error)
    }
    const decoded = decode(text, profileId)
    return decoded ? { kind: 'loaded', ...decoded } : discard(profileId, 'damaged')
  }

  async function discard(profileId: string, why: string, error?: unknown): Promise<CacheLoad> {
    logger.warn('customer cache discarded', { profileId, why, error })
    await rm(join(folder(profileId), FILE), { force: true }).catch((failure: unknown) =>
      logger.warn('could not delete the discarded customer cache', { profileId, error: failure }),
    )
    return { kind: 'discarded', notice: DISCARDED_NOTICE }
  }

  /** Replaces the cache with a complete list; throws a `storage` AppFailure if it cannot. */
  async function save(profileId: string, data: CachedCustomers): Promise<void> {
    const dir = folder(profileId)
    const content = JSON.stringify({
      format: FORMAT,
      version: VERSION,
      profileId,
      syncedAt: data.syncedAt,
      fields: FIELDS,
      rows: data.rows.map(toStored),
    })
    try {
      await writeAtomically(dir, FILE, content)
    } catch (error) {
      logger.error('customer cache not saved', { profileId, error })
      throw new AppFailure(
        appError.storage(
          'The customer list could not be saved on this computer (is the disk full?). The last saved list is kept.',
        ),
      )
    }
  }

  /** Deletes the profile's cache folder (sign-out). */
  async function remove(profileId: string): Promise<void> {
    await rm(folder(profileId), { recursive: true, force: true })
  }

  async function removeTempFiles(dir: string): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[])
    await Promise.all(
      names
        .filter((name) => name.endsWith(TEMP_SUFFIX))
        .map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)),
    )
  }

  return { load, save, remove, fileOf: (profileId: string) => join(folder(profileId), FILE) }
}

function decode(text: string, profileId: string): CachedCustomers | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const file = fileSchema.safeParse(json)
  if (!file.success || file.data.profileId !== profileId) return null
  if (file.data.fields.join() !== FIELDS.join()) return null
  const objects: unknown[] = []
  for (const values of file.data.rows) {
    if (!Array.isArray(values) || values.length !== FIELDS.length) return null
    objects.push(fromStored(values))
  }
  if (!objects.every(isCustomerRow)) return null
  return { syncedAt: file.data.syncedAt, rows: objects }
}
