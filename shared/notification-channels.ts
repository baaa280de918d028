import { z } from 'zod'
import { markReadRequestSchema, notificationCentreSchema } from './notifications'

/** The notification centre's channels (part of the contract in ipc-contract.ts). */
export const notificationChannels = {
  /** The recent alerts of the active profile, newest first, and how many are unread. */
  'notifications:list': { request: z.object({}).strict(), response: notificationCentreSchema },
  'notifications:markRead': { request: markReadRequestSchema, response: notificationCentreSchema },
} as const
