import { z } from 'zod'

/** A local time of day, "HH:MM" (24-hour). */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 22:00 (24-hour).')

/**
 * Quiet hours in local time; `end` may be on the next day (22:00–07:00 wraps midnight). During
 * them alerts go to the notification centre only, and one summary shows when they end.
 */
export const quietHoursSchema = z
  .object({ enabled: z.boolean(), start: timeOfDaySchema, end: timeOfDaySchema })
  .strict()
  .refine((q) => q.start !== q.end, { message: 'Start and end must differ.', path: ['end'] })
export type QuietHours = z.infer<typeof quietHoursSchema>

/** One alert of the notification centre: a customer crossed into "needs attention". */
export const alertEntrySchema = z.object({
  id: z.string(),
  authId: z.string(),
  name: z.string(),
  /** When it was noticed (ISO). */
  at: z.string(),
  title: z.string(),
  body: z.string(),
  read: z.boolean(),
})
export type AlertEntry = z.infer<typeof alertEntrySchema>

export const notificationCentreSchema = z.object({
  /** Newest first. */
  entries: z.array(alertEntrySchema),
  unread: z.number().int().nonnegative(),
})
export type NotificationCentre = z.infer<typeof notificationCentreSchema>

export const markReadRequestSchema = z
  .object({
    /** One entry's id; null marks every entry read. */
    id: z.string().min(1).max(100).nullable(),
  })
  .strict()

/** Main asks the window to open a customer's drawer (an OS notification was clicked). */
export const openCustomerEventSchema = z.object({ authId: z.string() })
