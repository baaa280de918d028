import type { CustomerRow, SyncStatus } from '../../../shared/customers'
import type { Logger } from '../platform/logger'
import {
  DISCARDED_NOTICE,
  newRevision,
  type CachedHead,
  type CustomerCache,
} from './customer-cache'

/** The customer list of the signed-in profile in memory, as last saved by a complete sync. */
export type ProfileCustomers = {
  profileId: string
  /** The saved first page, read at once (small); null when there is none. */
  head: Promise<CachedHead | null>
  /**
   * Reads the whole saved list, once, on first need (a page beyond the first, a sync, an export):
   * not at start-up, where its parse would delay the first page.
   */
  load: () => Promise<void>
  /** The whole saved list has been read (or found missing or damaged). */
  read: boolean
  rows: CustomerRow[]
  /** Names `rows`: a new one whenever they are replaced. */
  revision: string
  byAuthId: Map<string, CustomerRow> | null
  cacheNotice: string | null
  status: SyncStatus
  running: Promise<SyncStatus> | null
  abort: AbortController | null
  /** Starts the start-up sync: the renderer has painted the cached rows (or waiting is over). */
  shown: () => void
  /** Resolves once start-up is over: the cached rows shown, the wait over, or no rows to show. */
  started: Promise<void>
  startupOver: () => void
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
  let loading: Promise<void> | null = null
  let startupOver = () => {}
  const started = new Promise<void>((resolve) => (startupOver = resolve))
  const profile: ProfileCustomers = {
    profileId,
    head: Promise.resolve(null),
    load: () => (loading ??= loadAll().finally(() => (profile.read = true))),
    read: false,
    rows: [],
    revision: newRevision(),
    byAuthId: null,
    cacheNotice: null,
    status: IDLE,
    running: null,
    abort: null,
    shown: () => {},
    started,
    startupOver,
  }

  async function loadAll(): Promise<void> {
    // After the head: a status set from it is then overwritten by the list's own.
    await profile.head
    try {
      const result = await cache.load(profileId)
      if (result.kind === 'loaded') {
        profile.rows = result.rows
        profile.revision = result.revision
        profile.status = { ...profile.status, syncedAt: result.syncedAt }
        return
      }
      if (result.kind === 'discarded') profile.cacheNotice = result.notice
    } catch (error) {
      logger.error('customer cache not loaded', { profileId, error })
      profile.cacheNotice = DISCARDED_NOTICE
    }
    // No list: a first page left from it must not be shown again.
    profile.status = { ...profile.status, syncedAt: null }
    profile.revision = newRevision()
    await cache.dropHead(profileId).catch((error: unknown) => {
      logger.warn('customer first page not deleted', { profileId, error })
    })
  }

  profile.head = cache.loadHead(profileId).then(
    (head) => {
      if (!head) return null
      profile.status = { ...profile.status, syncedAt: head.syncedAt }
      return head
    },
    (error: unknown) => {
      logger.warn('customer first page not read', { profileId, error })
      return null
    },
  )
  return profile
}

export function rowsByAuthId(profile: ProfileCustomers): Map<string, CustomerRow> {
  return (profile.byAuthId ??= new Map(profile.rows.map((row) => [row.authId, row])))
}
