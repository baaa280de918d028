import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { z } from 'zod'
import { AppFailure, appError } from '../../../shared/app-error'
import type { CustomerRow } from '../../../shared/customers'
import {
  CUSTOMER_FIELDS,
  FIRST_PAGE_ROWS,
  fromTuple,
  isCustomerTuple,
  toTuple,
} from '../../../shared/customer-tuples'
import type { Logger } from '../platform/logger'
import { createProfileFile, profileCacheFolder } from '../platform/profile-store'
import { firstRows } from './first-page'

/**
 * The plain customer cache of each partner profile: `<dataDir>/cache/<profileId>/customers.json`,
 * readable by this user only, display fields only (never a token). It is replaced atomically
 * (profile-store), so a crash or a full disk leaves either the old complete list or the new one.
 * Next to it, `customers-head.json` holds the list's first page in the table's default order, so
 * that start-up paints rows without reading the whole list; both name the revision they belong to.
 */

const FORMAT = 'partner-desk/customers'
const VERSION = 1
const FILE = 'customers.json'
const HEAD_FORMAT = 'partner-desk/customers-head'
const HEAD_FILE = 'customers-head.json'

const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  profileId: z.string(),
  syncedAt: z.iso.datetime(),
  /** Absent in files written before first pages existed. */
  revision: z.string().min(1).optional(),
  fields: z.array(z.string()),
  // Each row is checked by isCustomerTuple (zod would be slow for 100,000 rows).
  rows: z.array(z.unknown()),
})

const headSchema = fileSchema.extend({
  format: z.literal(HEAD_FORMAT),
  revision: z.string().min(1),
  total: z.number().int().nonnegative(),
})

/** A saved list; `revision` names this very list (a new one for every change). */
export type CachedCustomers = { syncedAt: string; revision: string; rows: CustomerRow[] }

/** The first page of a saved list (see firstRows) and how many rows the whole list has. */
export type CachedHead = CachedCustomers & { total: number }

export const newRevision = (): string => randomUUID()

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
      revision: data.revision,
      fields: CUSTOMER_FIELDS,
      rows: data.rows.map(toTuple),
    }),
  })
  const head = createProfileFile({
    dataDir: deps.dataDir,
    logger: deps.logger,
    place: { cache: HEAD_FILE },
    decode: decodeHead,
    encode: (data: CachedHead, profileId) => ({
      format: HEAD_FORMAT,
      version: VERSION,
      profileId,
      syncedAt: data.syncedAt,
      revision: data.revision,
      total: data.total,
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
    /** The saved list's first page, if there is one (missing or damaged: undefined). */
    loadHead: (profileId: string): Promise<CachedHead | undefined> => head.read(profileId),
    /** Deletes the first page (its list could not be read). */
    async dropHead(profileId: string): Promise<void> {
      await rm(head.path(profileId), { force: true })
    },
    /**
     * Replaces the cache with a complete list, then its first page; throws a `file` AppFailure
     * if the list cannot be saved. (A head left from an older list names another revision.)
     */
    async save(profileId: string, data: CachedCustomers): Promise<void> {
      try {
        await file.write(profileId, data)
        const rows = firstRows(data.rows, FIRST_PAGE_ROWS)
        await head.write(profileId, { ...data, rows, total: data.rows.length })
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
  const { syncedAt, revision } = file.data
  return {
    syncedAt,
    revision: revision ?? `before-revisions:${syncedAt}`,
    rows: file.data.rows.map(fromTuple),
  }
}

function decodeHead(json: unknown, profileId: string): CachedHead | null {
  const parsed = headSchema.safeParse(json)
  if (!parsed.success || parsed.data.profileId !== profileId) return null
  const { syncedAt, revision, total, fields, rows } = parsed.data
  if (fields.join() !== CUSTOMER_FIELDS.join() || !rows.every(isCustomerTuple)) return null
  return { syncedAt, revision, total, rows: rows.map(fromTuple) }
}
