import { z } from 'zod'
import { alertEntrySchema, type AlertEntry } from '../../../shared/notifications'
import type { Logger } from '../platform/logger'
import { createProfileFile } from '../platform/profile-store'

const FORMAT = 'partner-desk/alerts'
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  /** Auth ids needing attention at the last evaluation. */
  attention: z.array(z.string()),
  /** The notification centre's entries, newest first. */
  entries: z.array(alertEntrySchema),
  /** Entries noticed during quiet hours, not shown as notifications yet. */
  held: z.array(z.string()),
})

export type AlertState = Omit<z.infer<typeof fileSchema>, 'format' | 'version'>
export type { AlertEntry }

/**
 * `alerts.json` in the profile's cache folder (gone at sign-out, no secret in it): who needed
 * attention at the last evaluation, so a restart alerts only on new crossings, and the centre.
 */
export function createAlertFile(deps: { dataDir: string; logger: Logger }) {
  return createProfileFile<AlertState>({
    ...deps,
    place: { cache: 'alerts.json' },
    decode: (json) => {
      const file = fileSchema.safeParse(json).data
      return file ? { attention: file.attention, entries: file.entries, held: file.held } : null
    },
    encode: (state) => ({ format: FORMAT, version: 1, ...state }),
  })
}
