import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { customerDetailSchema, type CustomerDetail } from '../../../shared/customer-detail'
import { writeAtomically } from '../platform/atomic-write'
import type { Logger } from '../platform/logger'

/**
 * The full records of the customers opened most recently, per profile, so the drawer has them
 * offline: `<dataDir>/cache/<profileId>/details.json`. Plain, like the customer list: no token
 * (CustomerDetail has none). Kept to the `limit` most recently read.
 */

const FILE = 'details.json'
const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/
const entrySchema = z.object({ fetchedAt: z.string(), detail: customerDetailSchema })
const fileSchema = z.object({
  format: z.literal('partner-desk/customer-details'),
  version: z.literal(1),
  entries: z.array(entrySchema),
})
export type SavedDetail = z.infer<typeof entrySchema>

export type CustomerDetailsCache = ReturnType<typeof createCustomerDetailsCache>

export function createCustomerDetailsCache(deps: {
  dataDir: string
  logger: Logger
  limit?: number
}) {
  const limit = deps.limit ?? 500
  /** Most recent last; per profile, loaded once. */
  const profiles = new Map<string, Promise<Map<string, SavedDetail>>>()
  const writing = new Map<string, Promise<void>>()

  const folder = (profileId: string): string => {
    if (!PROFILE_ID.test(profileId)) throw new Error('Not a profile id')
    return join(deps.dataDir, 'cache', profileId)
  }

  async function read(profileId: string): Promise<Map<string, SavedDetail>> {
    try {
      const text = await readFile(join(folder(profileId), FILE), 'utf8')
      const parsed = fileSchema.parse(JSON.parse(text))
      return new Map(parsed.entries.map((entry) => [entry.detail.authId, entry]))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        deps.logger.warn('saved customer details unreadable; discarded', { error })
        await rm(join(folder(profileId), FILE), { force: true })
      }
      return new Map()
    }
  }

  function entriesOf(profileId: string): Promise<Map<string, SavedDetail>> {
    let entries = profiles.get(profileId)
    if (!entries) {
      entries = read(profileId)
      profiles.set(profileId, entries)
    }
    return entries
  }

  return {
    async get(profileId: string, authId: string): Promise<SavedDetail | null> {
      return (await entriesOf(profileId)).get(authId) ?? null
    },
    async put(profileId: string, detail: CustomerDetail, fetchedAt: string): Promise<void> {
      const entries = await entriesOf(profileId)
      entries.delete(detail.authId)
      entries.set(detail.authId, { fetchedAt, detail })
      for (const oldest of entries.keys()) {
        if (entries.size <= limit) break
        entries.delete(oldest)
      }
      const content = JSON.stringify({
        format: 'partner-desk/customer-details',
        version: 1,
        entries: [...entries.values()],
      })
      const previous = writing.get(profileId) ?? Promise.resolve()
      const next = previous
        .then(() => writeAtomically(folder(profileId), FILE, content))
        .catch((error: unknown) => deps.logger.warn('customer details not saved', { error }))
      writing.set(profileId, next)
      await next
    },
    /** Sign-out (the folder itself goes with the customer cache). */
    async forget(profileId: string): Promise<void> {
      await writing.get(profileId)
      profiles.delete(profileId)
      writing.delete(profileId)
      await rm(join(folder(profileId), FILE), { force: true })
    },
  }
}
