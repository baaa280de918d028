import { AppFailure, appError, fail } from '../../../shared/app-error'
import type { CustomerRow } from '../../../shared/customers'
import type { EventPayload } from '../../../shared/ipc-contract'
import { customersToCsv, exportFileName } from '../platform/csv'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort } from '../platform/ports'
import { newRevision, type CustomerCache } from './customer-cache'
import { rowsByAuthId, type ProfileCustomers } from './profile-customers'

export type SavedRowsDeps = {
  /** The signed-in profile's customers (following the session), if any. */
  current(): ProfileCustomers | null
  isActive(profile: ProfileCustomers): boolean
  cache: CustomerCache
  clock: Clock
  logger: Logger
  saveFile: SaveFilePort
  emit: (event: 'customers:changed', payload: EventPayload<'customers:changed'>) => void
}

/**
 * The signed-in profile's saved list between syncs: one row, an export, and the rows a created
 * customer or a transfer change (in memory at once, announced, then saved).
 */
export function createSavedRows(deps: SavedRowsDeps) {
  const { logger } = deps
  /** Cache writes between syncs, one after another; each saves the rows as they are by then. */
  let rowSaves: Promise<void> = Promise.resolve()

  /** In memory at once, so two changes close together both stay; then announced and saved. */
  async function replaceRows(
    profile: ProfileCustomers,
    syncedAt: string,
    rows: CustomerRow[],
    what: string,
  ): Promise<void> {
    profile.rows = rows
    profile.revision = newRevision()
    profile.byAuthId = null
    deps.emit('customers:changed', { syncedAt, count: rows.length })
    rowSaves = rowSaves.then(async () => {
      // Signed out or switched meanwhile: that cache is not this one to write any more.
      if (!deps.isActive(profile)) return
      try {
        await deps.cache.save(profile.profileId, {
          syncedAt: profile.status.syncedAt ?? syncedAt,
          revision: profile.revision,
          rows: profile.rows,
        })
      } catch (error) {
        logger.warn(`${what} not saved in the cache; the next sync has it`, { error })
      }
    })
    await rowSaves
  }

  /** The profile's loaded customers with their sync time, if `profileId` is signed in and synced. */
  async function synced(profileId: string) {
    const profile = deps.current()
    if (!profile || profile.profileId !== profileId) return null
    await profile.load()
    const syncedAt = profile.status.syncedAt
    return syncedAt ? { profile, syncedAt } : null
  }

  async function signedIn(action: string): Promise<ProfileCustomers> {
    const profile = deps.current() ?? fail(appError.unauthorized(`Sign in to ${action}.`))
    await profile.load()
    return profile
  }

  return {
    /**
     * A customer just created: into the list and the cache at once (the next sync confirms it).
     * Without a saved list yet, the sync that is running or due brings it.
     */
    async addCreated(profileId: string, row: CustomerRow): Promise<void> {
      const list = await synced(profileId)
      if (!list || rowsByAuthId(list.profile).has(row.authId)) return
      const { profile, syncedAt } = list
      await replaceRows(profile, syncedAt, [...profile.rows, row], 'created customer')
    },

    /** A transfer changed a customer's balance: the saved row shows it until the next sync. */
    async updateBalance(profileId: string, authId: string, balance: string): Promise<void> {
      const list = await synced(profileId)
      const row = list && rowsByAuthId(list.profile).get(authId)
      if (!list || !row || row.balance === balance) return
      const rows = list.profile.rows.map((r) => (r === row ? { ...row, balance } : r))
      await replaceRows(list.profile, list.syncedAt, rows, 'new balance')
    },

    /** The saved row of one customer of the signed-in profile, and when it was synced. */
    async cachedRow(authId: string): Promise<{ row: CustomerRow; syncedAt: string | null } | null> {
      const profile = await signedIn('open customers')
      const row = rowsByAuthId(profile).get(authId)
      return row ? { row, syncedAt: profile.status.syncedAt } : null
    },

    /** Saves the cached rows with these auth ids, in this order, as CSV. */
    async exportCsv(
      authIds: readonly string[],
    ): Promise<{ saved: boolean; fileName: string | null }> {
      const byAuthId = rowsByAuthId(await signedIn('export customers'))
      const rows = [...new Set(authIds)].flatMap((authId) => byAuthId.get(authId) ?? [])
      if (rows.length === 0) {
        return fail(appError.validation('None of these customers are in the saved list.'))
      }
      try {
        return await deps.saveFile(
          exportFileName(new Date(deps.clock.now())),
          customersToCsv(rows),
          'Export customers',
        )
      } catch (error) {
        if (error instanceof AppFailure) throw error
        logger.error('export not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },
  }
}
