import { z } from 'zod'
import { AppFailure } from '../../../shared/app-error'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import { createProfileFile, createProfileMap } from '../platform/profile-store'

const FORMAT = 'partner-desk/usage-cache'
/** Readings kept per profile (each a page of calls or numbers, or a period's analytics). */
const LIMIT = 200

const entrySchema = z.object({ savedAt: z.string(), value: z.unknown() })
type Entry = z.infer<typeof entrySchema>
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  entries: z.array(z.tuple([z.string(), entrySchema])),
})

/** Failures where the last reading is better than nothing: Vobiz could not be reached. */
const UNREACHED = new Set(['offline', 'timeout'])

/**
 * The last usage and numbers readings per profile (the cache folder, deleted at sign-out), so
 * the Usage and Numbers views show what was last read, with its age, while Vobiz cannot be
 * reached. Keyed by the query; the most recent LIMIT readings are kept.
 */
export function createUsageCache(deps: { dataDir: string; logger: Logger; clock: Clock }) {
  const map = createProfileMap<Entry>({
    file: createProfileFile({
      dataDir: deps.dataDir,
      logger: deps.logger,
      place: { cache: 'usage.json' },
      decode: (json) => {
        const parsed = fileSchema.safeParse(json)
        return parsed.success ? new Map(parsed.data.entries) : null
      },
      encode: (entries: Map<string, Entry>) => ({
        format: FORMAT,
        version: 1,
        entries: [...entries],
      }),
    }),
    limit: LIMIT,
  })

  return {
    /**
     * Reads from Vobiz and keeps the reading; when Vobiz cannot be reached, the last reading of
     * the same query instead, marked with when it was read (`savedAt`), checked against
     * `schema` (a reading the app can no longer show is not used).
     */
    async read<T extends { savedAt: string | null }>(
      profileId: string,
      key: string,
      schema: z.ZodType<T>,
      live: () => Promise<T>,
    ): Promise<T> {
      try {
        const value = await live()
        const savedAt = new Date(deps.clock.now()).toISOString()
        await map.change(profileId, (entries) => {
          // Re-inserted: the most recently read stay when the limit drops the oldest.
          entries.delete(key)
          entries.set(key, { savedAt, value })
          return true
        })
        return value
      } catch (error) {
        if (!(error instanceof AppFailure) || !UNREACHED.has(error.appError.kind)) throw error
        const saved = await map.get(profileId, key)
        const parsed = schema.safeParse(saved?.value)
        if (!saved || !parsed.success) throw error
        return { ...parsed.data, savedAt: saved.savedAt }
      }
    },
    forget: (profileId: string) => map.forget(profileId),
  }
}
export type UsageCache = ReturnType<typeof createUsageCache>
