import { z } from 'zod'
import { customerDetailSchema, type CustomerDetail } from '../../../shared/customer-detail'
import type { Logger } from '../platform/logger'
import { createProfileFile, createProfileMap } from '../platform/profile-store'

/**
 * The full records of the customers opened most recently, per profile, so the drawer has them
 * offline: `<dataDir>/cache/<profileId>/details.json`. Plain, like the customer list: no token
 * (CustomerDetail has none). Kept to the `limit` most recently read.
 */

const FORMAT = 'partner-desk/customer-details'
const entrySchema = z.object({ fetchedAt: z.string(), detail: customerDetailSchema })
const fileSchema = z.object({
  format: z.literal(FORMAT),
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
  /** By auth id, most recently read last. */
  const saved = createProfileMap<SavedDetail>({
    file: createProfileFile({
      dataDir: deps.dataDir,
      logger: deps.logger,
      place: { cache: 'details.json' },
      decode: (json) => {
        const file = fileSchema.safeParse(json)
        return file.success ? new Map(file.data.entries.map((e) => [e.detail.authId, e])) : null
      },
      encode: (entries) => ({ format: FORMAT, version: 1, entries: [...entries.values()] }),
    }),
    limit: deps.limit ?? 500,
  })

  return {
    async get(profileId: string, authId: string): Promise<SavedDetail | null> {
      return (await saved.get(profileId, authId)) ?? null
    },
    put(profileId: string, detail: CustomerDetail, fetchedAt: string): Promise<void> {
      return saved.change(profileId, (entries) => {
        entries.delete(detail.authId)
        entries.set(detail.authId, { fetchedAt, detail })
        return true
      })
    },
    /** Sign-out (the folder itself goes with the customer cache). */
    forget: (profileId: string) => saved.forget(profileId),
  }
}
