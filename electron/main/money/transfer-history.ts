import { z } from 'zod'
import { transferRecordSchema, type TransferRecord } from '../../../shared/ledger'
import type { Logger } from '../platform/logger'
import { createProfileJsonFile } from '../platform/profile-json-file'

/** The most recent transfers kept per profile. */
const LIMIT = 1_000

const fileSchema = z.object({
  format: z.literal('partner-desk/transfers'),
  version: z.literal(1),
  records: z.array(transferRecordSchema),
})

export type TransferHistory = ReturnType<typeof createTransferHistory>

/**
 * The transfers made from this app, per profile, newest first: `cache/<profileId>/transfers.json`,
 * next to the customer cache and gone with it at sign-out. No secret is in it.
 */
export function createTransferHistory(deps: { dataDir: string; logger: Logger }) {
  const file = createProfileJsonFile({
    dataDir: deps.dataDir,
    name: 'transfers.json',
    schema: fileSchema,
    empty: () => ({ format: 'partner-desk/transfers' as const, version: 1 as const, records: [] }),
    logger: deps.logger,
  })

  return {
    async list(profileId: string): Promise<TransferRecord[]> {
      return (await file.read(profileId)).records
    },
    /** Adds a transfer, or updates the one with the same reference (a lost reply resolved). */
    record(profileId: string, record: TransferRecord): Promise<void> {
      return file.update(profileId, (saved) => ({
        ...saved,
        records: [record, ...saved.records.filter((r) => r.reference !== record.reference)].slice(
          0,
          LIMIT,
        ),
      }))
    },
    forget: (profileId: string) => file.forget(profileId),
  }
}
