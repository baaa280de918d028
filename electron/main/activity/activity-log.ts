import { mkdir, open, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ActivityEntry, ChainStatus } from '../../../shared/activity'
import type { Logger } from '../platform/logger'
import type { Clock, KeyValueStore } from '../platform/ports'
import { profileRecordsFolder } from '../platform/profile-store'
import {
  chained,
  parseLine,
  verifyChain,
  type ActivityFields,
  type ChainHead,
  type ParsedLine,
} from './activity-chain'

/** Past this size the log is rotated: the current file becomes the previous one. */
export const ROTATE_BYTES = 2 * 1024 * 1024
const CURRENT = 'activity.jsonl'
/** The one file kept from before the last rotation; the one before it is dropped. */
const PREVIOUS = 'activity.1.jsonl'

const headSchema = z.object({
  firstSeq: z.number().int().positive(),
  seq: z.number().int().nonnegative(),
  hash: z.string(),
})
const headKey = (profileId: string) => `activityHeads.${profileId}`

export type ActivityLog = ReturnType<typeof createActivityLog>

/**
 * The activity log of each profile: `records/<profileId>/activity.jsonl`, one JSON entry per
 * line, only ever appended (and rotated past ROTATE_BYTES, keeping one previous file). It sits
 * beside the cache folder, not in it, so sign-out leaves it. Every read and write of a profile's
 * log runs in one queue, in call order. The store keeps the head (where the kept log starts, its
 * last entry) so entries removed at either end are found as well as changed ones.
 */
export function createActivityLog(deps: {
  dataDir: string
  store: KeyValueStore
  clock: Clock
  logger: Logger
  /** Tests rotate sooner. */
  rotateBytes?: number
}) {
  const rotateBytes = deps.rotateBytes ?? ROTATE_BYTES
  const queues = new Map<string, Promise<unknown>>()
  function queued<R>(profileId: string, job: () => Promise<R>): Promise<R> {
    const next = (queues.get(profileId) ?? Promise.resolve()).catch(() => undefined).then(job)
    queues.set(profileId, next)
    return next
  }

  /** The last entry written per profile, once known (read from the file on the first append). */
  const lastEntries = new Map<string, Pick<ActivityEntry, 'seq' | 'hash'>>()
  const folder = (profileId: string) => profileRecordsFolder(deps.dataDir, profileId)
  const head = (profileId: string): ChainHead | null =>
    headSchema.safeParse(deps.store.get(headKey(profileId))).data ?? null

  async function linesOf(profileId: string): Promise<ParsedLine[]> {
    const texts = await Promise.all(
      [PREVIOUS, CURRENT].map((name) =>
        readFile(join(folder(profileId), name), 'utf8').catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
          throw error
        }),
      ),
    )
    return texts
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(parseLine)
  }

  async function appendNow(profileId: string, fields: Omit<ActivityFields, 'time' | 'profile'>) {
    const dir = folder(profileId)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const saved = head(profileId)
    let last = lastEntries.get(profileId)
    if (!last) {
      // The head is written after each entry; a crash in between leaves the file one ahead.
      const lastLine = (await linesOf(profileId)).findLast(({ entry }) => entry !== null)?.entry
      last = lastLine && lastLine.seq >= (saved?.seq ?? 0) ? lastLine : (saved ?? undefined)
    }
    const entry = chained(
      { ...fields, time: new Date(deps.clock.now()).toISOString(), profile: profileId },
      last && last.seq > 0 ? last : null,
    )
    let firstSeq = saved?.firstSeq ?? 1
    const size = await stat(join(dir, CURRENT)).then(
      (s) => s.size,
      () => 0,
    )
    if (size > rotateBytes) {
      const kept = (await readFile(join(dir, CURRENT), 'utf8')).split('\n').find(Boolean)
      firstSeq = (kept && parseLine(kept).entry?.seq) || entry.seq
      await rename(join(dir, CURRENT), join(dir, PREVIOUS))
    }
    const handle = await open(join(dir, CURRENT), 'a', 0o600)
    try {
      await handle.appendFile(JSON.stringify(entry) + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    deps.store.set(headKey(profileId), { firstSeq, seq: entry.seq, hash: entry.hash })
    lastEntries.set(profileId, entry)
  }

  return {
    /** Adds an entry at the end of the profile's log; a failure is logged, never thrown. */
    append(profileId: string, fields: Omit<ActivityFields, 'time' | 'profile'>): Promise<void> {
      return queued(profileId, () => appendNow(profileId, fields)).then(
        () => undefined,
        (error: unknown) => deps.logger.warn('activity entry not saved', { profileId, error }),
      )
    },
    /** Every readable entry, oldest first, and whether the chain holds. */
    read(profileId: string): Promise<{ entries: ActivityEntry[]; chain: ChainStatus }> {
      return queued(profileId, async () => {
        const lines = await linesOf(profileId)
        return {
          entries: lines.flatMap(({ entry }) => (entry ? [entry] : [])),
          chain: verifyChain(lines, head(profileId)),
        }
      })
    },
    /** Where the profile's current log file is. */
    path: (profileId: string): string => join(folder(profileId), CURRENT),
  }
}
