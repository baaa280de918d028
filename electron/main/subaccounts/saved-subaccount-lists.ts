import { z } from 'zod'
import {
  subAccountViewSchema,
  type SubAccountOwner,
  type SubAccountView,
} from '../../../shared/subaccounts'
import type { Logger } from '../platform/logger'
import { createProfileFile } from '../platform/profile-store'

const CACHE_FORMAT = 'partner-desk/subaccounts'
const cacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(1),
  owners: z.record(
    z.string(),
    z.object({ fetchedAt: z.string(), subAccounts: z.array(subAccountViewSchema) }),
  ),
})
type SavedLists = z.infer<typeof cacheSchema>['owners']

const ownerKey = (owner: SubAccountOwner) =>
  owner.kind === 'partner' ? 'partner' : `customer:${owner.authId}`

/**
 * Each owner's sub-account list as last read, saved per profile (plain, no token) for offline
 * viewing. Writes never fail the action that made them.
 */
export function createSavedSubAccountLists(deps: { dataDir: string; logger: Logger }) {
  /** Each owner's list as last read, by ownerKey. */
  const cache = createProfileFile({
    dataDir: deps.dataDir,
    logger: deps.logger,
    place: { cache: 'subaccounts.json' },
    decode: (json) => cacheSchema.safeParse(json).data?.owners ?? null,
    encode: (owners: SavedLists) => ({ format: CACHE_FORMAT, version: 1, owners }),
  })

  return {
    /** The owner's saved list and when it was read, if it was ever saved. */
    read: async (profileId: string, owner: SubAccountOwner) =>
      (await cache.read(profileId))?.[ownerKey(owner)],

    /** The owner's saved list, replaced: one change at a time per file (see profile-store). */
    save(profileId: string, owner: SubAccountOwner, list: SubAccountView[], at: string) {
      return cache
        .update(profileId, (owners = {}) => ({
          ...owners,
          [ownerKey(owner)]: { fetchedAt: at, subAccounts: list },
        }))
        .catch(() => undefined)
    },

    /** The owner's saved list, changed after an action (if it was ever saved). */
    change(
      profileId: string,
      owner: SubAccountOwner,
      change: (list: SubAccountView[]) => SubAccountView[],
    ) {
      return cache
        .update(profileId, (owners = {}) => {
          const entry = owners[ownerKey(owner)]
          if (!entry) return owners
          return {
            ...owners,
            [ownerKey(owner)]: { ...entry, subAccounts: change(entry.subAccounts) },
          }
        })
        .catch(() => undefined)
    },

    remove: (profileId: string) => cache.remove(profileId),
  }
}
