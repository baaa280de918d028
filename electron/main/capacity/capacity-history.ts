import { z } from 'zod'
import { capacityRecordSchema, type CapacityRecord } from '../../../shared/capacity'
import type { Logger } from '../platform/logger'
import { createProfileFile } from '../platform/profile-store'

/** The most recent moves kept per profile. */
const LIMIT = 1_000

const FORMAT = 'partner-desk/capacity-transfers'
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  records: z.array(capacityRecordSchema),
})

export type CapacityHistory = ReturnType<typeof createCapacityHistory>

/**
 * The capacity transfers and reclaims made from this app, per profile, newest first:
 * `cache/<profileId>/capacity-transfers.json`, next to the balance transfers and gone with them
 * at sign-out. No secret is in it.
 */
export function createCapacityHistory(deps: { dataDir: string; logger: Logger }) {
  const file = createProfileFile({
    dataDir: deps.dataDir,
    logger: deps.logger,
    place: { cache: 'capacity-transfers.json' },
    decode: (json) => fileSchema.safeParse(json).data?.records ?? null,
    encode: (records: CapacityRecord[]) => ({ format: FORMAT, version: 1, records }),
  })
  return {
    async list(profileId: string): Promise<CapacityRecord[]> {
      return (await file.read(profileId)) ?? []
    },
    /** Adds a move, or replaces the one with the same reference (a lost reply resolved). */
    record(profileId: string, record: CapacityRecord): Promise<void> {
      return file.update(profileId, (saved = []) =>
        [record, ...saved.filter((r) => r.reference !== record.reference)].slice(0, LIMIT),
      )
    },
    forget: (profileId: string) => file.remove(profileId),
  }
}
