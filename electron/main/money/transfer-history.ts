import { z } from 'zod'
import { transferRecordSchema, type TransferRecord } from '../../../shared/ledger'
import type { Logger } from '../platform/logger'
import { createProfileFile } from '../platform/profile-store'

/** The most recent transfers kept per profile. */
const LIMIT = 1_000

const FORMAT = 'partner-desk/transfers'
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  records: z.array(transferRecordSchema),
})

export type TransferHistory = ReturnType<typeof createTransferHistory>

/**
 * The transfers made from this app, per profile, newest first: `cache/<profileId>/transfers.json`,
 * next to the customer cache and gone with it at sign-out. No secret is in it.
 */
export function createTransferHistory(deps: { dataDir: string; logger: Logger }) {
  const file = createProfileFile({
    dataDir: deps.dataDir,
    logger: deps.logger,
    place: { cache: 'transfers.json' },
    decode: (json) => fileSchema.safeParse(json).data?.records ?? null,
    encode: (records: TransferRecord[]) => ({ format: FORMAT, version: 1, records }),
  })

  return {
    async list(profileId: string): Promise<TransferRecord[]> {
      return (await file.read(profileId)) ?? []
    },
    /** Adds a transfer, or updates the one with the same reference (a lost reply resolved). */
    record(profileId: string, record: TransferRecord): Promise<void> {
      return file.update(profileId, (saved = []) =>
        [record, ...saved.filter((r) => r.reference !== record.reference)].slice(0, LIMIT),
      )
    },
    forget: (profileId: string) => file.remove(profileId),
  }
}
