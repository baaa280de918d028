import type { CustomerRow, SyncStatus } from '../../../shared/customers'
import type { Logger } from '../platform/logger'
import { DISCARDED_NOTICE, type CustomerCache } from './customer-cache'

/** The customer list of the signed-in profile in memory, as last saved by a complete sync. */
export type ProfileCustomers = {
  profileId: string
  /** The cache file has been read (or found missing or damaged). */
  loaded: Promise<void>
  rows: CustomerRow[]
  byAuthId: Map<string, CustomerRow> | null
  cacheNotice: string | null
  status: SyncStatus
  running: Promise<SyncStatus> | null
  abort: AbortController | null
  /** Starts the start-up sync: the renderer has painted the cached rows (or waiting is over). */
  shown: () => void
}

export const IDLE: SyncStatus = {
  state: 'idle',
  pagesDone: 0,
  pagesTotal: null,
  error: null,
  syncedAt: null,
}

/** A profile's customers, loading from its cache; a damaged cache leaves a notice and no rows. */
export function openProfileCustomers(
  profileId: string,
  cache: CustomerCache,
  logger: Logger,
): ProfileCustomers {
  const profile: ProfileCustomers = {
    profileId,
    loaded: Promise.resolve(),
    rows: [],
    byAuthId: null,
    cacheNotice: null,
    status: IDLE,
    running: null,
    abort: null,
    shown: () => {},
  }
  profile.loaded = cache.load(profileId).then(
    (result) => {
      if (result.kind === 'loaded') {
        profile.rows = result.rows
        profile.status = { ...profile.status, syncedAt: result.syncedAt }
      } else if (result.kind === 'discarded') {
        profile.cacheNotice = result.notice
      }
    },
    (error: unknown) => {
      logger.error('customer cache not loaded', { profileId, error })
      profile.cacheNotice = DISCARDED_NOTICE
    },
  )
  return profile
}

export function rowsByAuthId(profile: ProfileCustomers): Map<string, CustomerRow> {
  return (profile.byAuthId ??= new Map(profile.rows.map((row) => [row.authId, row])))
}
