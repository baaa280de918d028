import { ALNUM, UPPER_ALNUM, createPrng, type Prng } from './prng'
import type { SubAccountFields, SubAccountRecord } from './subaccount-model'

/** Sub-account ids are numeric strings from here on, apart from the customers' 500001…. */
export const FIRST_SUB_ACCOUNT_ID = 900_001

export type SubAccountListQuery = { page: number; size: number; activeOnly: boolean }

export type SubAccountStore = {
  readonly count: number
  /** One parent's sub-accounts, oldest first (creation time, then id). */
  list(
    parentAuthId: string,
    query: SubAccountListQuery,
  ): { items: SubAccountRecord[]; total: number }
  /** The sub-account `authId` if it belongs to `parentAuthId`. */
  get(parentAuthId: string, authId: string): SubAccountRecord | undefined
  /** Any sub-account by its own auth id (for its credentials). */
  byAuthId(authId: string): SubAccountRecord | undefined
  create(parent: { authId: string; accountId: string }, fields: SubAccountFields): SubAccountRecord
  update(authId: string, changes: Partial<SubAccountFields>): SubAccountRecord | undefined
  /** Deletes it and with it its credentials; false when there was none. */
  remove(authId: string): boolean
  /** Notes that the sub-account's credentials were just used. */
  touch(authId: string): void
  /** Replaces everything with the seeded sub-accounts; new ids and tokens repeat after a reset. */
  reset(seeded: readonly SubAccountRecord[]): void
}

/** `SA_` and 8 upper-case letters or digits, not yet in `taken`. */
export function uniqueSubAuthId(prng: Prng, taken: { has(authId: string): boolean }): string {
  for (;;) {
    const authId = `SA_${prng.chars(UPPER_ALNUM, 8)}`
    if (!taken.has(authId)) return authId
  }
}

export const subAccountToken = (prng: Prng): string => prng.chars(ALNUM, 40)

export function createSubAccountStore(options: {
  seed: number
  now: () => number
}): SubAccountStore {
  let byAuthId = new Map<string, SubAccountRecord>()
  let nextId = FIRST_SUB_ACCOUNT_ID
  let prng = createPrng(0)

  const ordered = (parentAuthId: string): SubAccountRecord[] =>
    [...byAuthId.values()]
      .filter((s) => s.parentAuthId === parentAuthId)
      .sort((a, b) => a.createdAtMs - b.createdAtMs || Number(a.id) - Number(b.id))

  return {
    get count() {
      return byAuthId.size
    },
    list(parentAuthId, { page, size, activeOnly }) {
      const all = ordered(parentAuthId).filter((s) => !activeOnly || s.enabled)
      const offset = (page - 1) * size
      return { items: all.slice(offset, offset + size), total: all.length }
    },
    get(parentAuthId, authId) {
      const found = byAuthId.get(authId)
      return found?.parentAuthId === parentAuthId ? found : undefined
    },
    byAuthId: (authId) => byAuthId.get(authId),
    create(parent, fields) {
      const now = options.now()
      const record: SubAccountRecord = {
        id: String(nextId++),
        authId: uniqueSubAuthId(prng, byAuthId),
        authToken: subAccountToken(prng),
        apiId: prng.uuid(),
        parentAuthId: parent.authId,
        parentAccountId: parent.accountId,
        ...fields,
        emailVerified: false,
        kycVerified: false,
        createdAtMs: now,
        updatedAtMs: now,
        lastUsedMs: null,
      }
      byAuthId.set(record.authId, record)
      return record
    },
    update(authId, changes) {
      const current = byAuthId.get(authId)
      if (!current) return undefined
      const emailChanged = changes.email !== undefined && changes.email !== current.email
      const updated: SubAccountRecord = {
        ...current,
        ...changes,
        emailVerified: emailChanged ? false : current.emailVerified,
        updatedAtMs: options.now(),
      }
      byAuthId.set(authId, updated)
      return updated
    },
    remove: (authId) => byAuthId.delete(authId),
    touch(authId) {
      const current = byAuthId.get(authId)
      if (current) byAuthId.set(authId, { ...current, lastUsedMs: options.now() })
    },
    reset(seeded) {
      byAuthId = new Map(seeded.map((s) => [s.authId, s]))
      nextId = Math.max(FIRST_SUB_ACCOUNT_ID - 1, ...seeded.map((s) => Number(s.id))) + 1
      prng = createPrng((options.seed ^ 0x5ab_acc7) >>> 0)
    },
  }
}
