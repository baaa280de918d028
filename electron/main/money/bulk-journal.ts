import { bulkBatchSchema, type BulkBatch } from '../../../shared/bulk-top-up'
import type { Logger } from '../platform/logger'
import { createProfileFile } from '../platform/profile-store'

export type BulkJournal = ReturnType<typeof createBulkJournal>

/**
 * The profile's last bulk top-up, row by row, on disk (`bulk-top-up.json`, replaced atomically).
 * A row is written as `sending`, with its reference, before its request leaves: after a crash
 * or quit the batch resumes from here, and a row whose outcome is unknown is looked up by that
 * reference, never sent again blindly.
 */
export function createBulkJournal(deps: { dataDir: string; logger: Logger }) {
  const file = createProfileFile<BulkBatch>({
    dataDir: deps.dataDir,
    logger: deps.logger,
    place: { cache: 'bulk-top-up.json' },
    decode: (json, profileId) => {
      const parsed = bulkBatchSchema.safeParse(json)
      return parsed.success && parsed.data.profileId === profileId ? parsed.data : null
    },
  })
  return {
    read: (profileId: string): Promise<BulkBatch | undefined> => file.read(profileId),
    /** Saves the batch as it is at the call (serialised at once; written in call order). */
    write: (batch: BulkBatch): Promise<void> => file.write(batch.profileId, batch),
    path: (profileId: string): string => file.path(profileId),
  }
}
