import { rm } from 'node:fs/promises'
import { z } from 'zod'
import { AppFailure, appError } from '../../../shared/app-error'
import type { CustomerRow } from '../../../shared/customers'
import {
  CUSTOMER_FIELDS,
  fromTuple,
  isCustomerTuple,
  toTuple,
} from '../../../shared/customer-tuples'
import type { Logger } from '../platform/logger'
import { createProfileFile, profileCacheFolder } from '../platform/profile-store'

/**
 * The plain customer cache of each partner profile: `<dataDir>/cache/<profileId>/customers.json`,
 * readable by this user only, display fields only (never a token). It is replaced atomically
 * (profile-store), so a crash or a full disk leaves either the old complete list or the new one.
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

export type CustomerCache = ReturnType<typeof createCustomerCache>

export function createCustomerCache(deps: { dataDir: string; logger: Logger }) {
  const file = createProfileFile({
    dataDir: deps.dataDir,
    logger: deps.logger,
    place: { cache: FILE },
    decode,
    encode: (data: CachedCustomers, profileId) => ({
      format: FORMAT,
      version: VERSION,
      profileId,
      syncedAt: data.syncedAt,
      fields: CUSTOMER_FIELDS,
      rows: data.rows.map(toTuple),
    }),
  })

  return {
    async load(profileId: string): Promise<CacheLoad> {
      const loaded = await file.load(profileId)
      if (loaded.kind === 'loaded') return { kind: 'loaded', ...loaded.value }
      return loaded.kind === 'missing' ? loaded : { kind: 'discarded', notice: DISCARDED_NOTICE }
    },
    /** Replaces the cache with a complete list; throws a `file` AppFailure if it cannot. */
    async save(profileId: string, data: CachedCustomers): Promise<void> {
      try {
        await file.write(profileId, data)
      } catch {
        throw new AppFailure(
          appError.file(
            'The customer list could not be saved on this computer (is the disk full?). The last saved list is kept.',
          ),
        )
      }
    },
    /** Deletes the profile's cache folder (sign-out). */
    async remove(profileId: string): Promise<void> {
      await rm(profileCacheFolder(deps.dataDir, profileId), { recursive: true, force: true })
    },
    fileOf: file.path,
  }
}

function decode(json: unknown, profileId: string): CachedCustomers | null {
  const file = fileSchema.safeParse(json)
  if (!file.success || file.data.profileId !== profileId) return null
  // Rows are arrays in CUSTOMER_FIELDS order; the file names its fields, so a file written with
  // another order is recognised and discarded.
  if (file.data.fields.join() !== CUSTOMER_FIELDS.join()) return null
  if (!file.data.rows.every(isCustomerTuple)) return null
  return { syncedAt: file.data.syncedAt, rows: file.data.rows.map(fromTuple) }
}
