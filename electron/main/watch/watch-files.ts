import { z } from 'zod'
import { thresholdOverrideSchema, type ThresholdOverride } from '../../../shared/watch'
import type { Logger } from '../platform/logger'
import { createProfileFile } from '../platform/profile-store'
import type { SpendByCustomer } from './runway'

const units = z.string().regex(/^\d{1,30}$/)

const SPEND_FORMAT = 'partner-desk/spend'
const spendFileSchema = z.object({
  format: z.literal(SPEND_FORMAT),
  version: z.literal(1),
  computedAt: z.string(),
  /** [authId, currency, units over 7 days, units over 30 days] */
  spend: z.array(z.tuple([z.string(), z.string(), units, units])),
})

export type SavedSpend = { computedAt: string; spend: SpendByCustomer }

const PREFS_FORMAT = 'partner-desk/watchlist'
const prefsFileSchema = z.object({
  format: z.literal(PREFS_FORMAT),
  version: z.literal(1),
  /** Auth id → until when (ISO). */
  snoozes: z.record(z.string(), z.string()),
  thresholds: z.record(z.string(), thresholdOverrideSchema),
})

export type WatchPrefs = {
  snoozes: Record<string, string>
  thresholds: Record<string, ThresholdOverride>
}
export const NO_PREFS: WatchPrefs = { snoozes: {}, thresholds: {} }

/**
 * The watchlist's files in the profile's cache folder (gone at sign-out, no secret in them):
 * `spend.json`, each customer's debits as last read from the ledger (shown offline, with its
 * age), and `watchlist.json`, the snoozes and threshold overrides set here.
 */
export function createWatchFiles(deps: { dataDir: string; logger: Logger }) {
  const spend = createProfileFile<SavedSpend>({
    ...deps,
    place: { cache: 'spend.json' },
    decode: (json) => {
      const file = spendFileSchema.safeParse(json).data
      if (!file) return null
      const map: SpendByCustomer = new Map()
      for (const [authId, currency, last7, last30] of file.spend) {
        const entry = { currency, last7: BigInt(last7), last30: BigInt(last30) }
        map.set(authId, [...(map.get(authId) ?? []), entry])
      }
      return { computedAt: file.computedAt, spend: map }
    },
    encode: ({ computedAt, spend: map }) => ({
      format: SPEND_FORMAT,
      version: 1,
      computedAt,
      spend: [...map].flatMap(([authId, entries]) =>
        entries.map((e) => [authId, e.currency, String(e.last7), String(e.last30)]),
      ),
    }),
  })
  const prefs = createProfileFile<WatchPrefs>({
    ...deps,
    place: { cache: 'watchlist.json' },
    decode: (json) => {
      const file = prefsFileSchema.safeParse(json).data
      return file ? { snoozes: file.snoozes, thresholds: file.thresholds } : null
    },
    encode: (value) => ({ format: PREFS_FORMAT, version: 1, ...value }),
  })
  return { spend, prefs }
}
export type WatchFiles = ReturnType<typeof createWatchFiles>
