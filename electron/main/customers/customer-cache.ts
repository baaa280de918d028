import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppFailure, appError } from '../../../shared/app-error'
import type { CustomerRow } from '../../../shared/customers'
import {
  CUSTOMER_FIELDS,
  fromTuple,
  isCustomerTuple,
  toTuple,
} from '../../../shared/customer-tuples'
import { TEMP_SUFFIX, writeAtomically } from '../platform/atomic-write'
import type { Logger } from '../platform/logger'

/**
 * The plain customer cache of each partner profile: `<dataDir>/cache/<profileId>/customers.json`,
 * readable by this user only, display fields only (never a token). It is replaced atomically:
 * a temporary file is written and flushed to disk, then renamed over the old one, so a crash or a
 * full disk leaves either the old complete list or the new complete list.
 */

const FORMAT = 'partner-desk/customers'
const VERSION = 1
const FILE = 'customers.json'

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  profileId: z.string(),
  syncedAt: z.iso.datetime(),
  fields: z.array(z.string()),
  // Each row is checked by isCustomerTuple (zod would be slow for 100,000 rows).
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
      fields: CUSTOMER_FIELDS,
      rows: data.rows.map(toTuple),
    })
    try {
      await writeAtomically(dir, FILE, content)
    } catch (error) {
      logger.error('customer cache not saved', { profileId, error })
      throw new AppFailure(
        appError.file(
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
  // Rows are arrays in CUSTOMER_FIELDS order; the file names its fields, so a file written with
  // another order is recognised and discarded.
  if (file.data.fields.join() !== CUSTOMER_FIELDS.join()) return null
  if (!file.data.rows.every(isCustomerTuple)) return null
  return { syncedAt: file.data.syncedAt, rows: file.data.rows.map(fromTuple) }
}
