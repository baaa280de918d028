import { z } from 'zod'
import {
  markReadRequestSchema,
  notificationCentreSchema,
  openCustomerEventSchema,
} from './notifications'

/** The notification centre's channels (part of the contract in ipc-contract.ts). */
export const notificationChannels = {
  /** The recent alerts of the active profile, newest first, and how many are unread. */
  'notifications:list': { request: z.object({}).strict(), response: notificationCentreSchema },
  'notifications:markRead': { request: markReadRequestSchema, response: notificationCentreSchema },
  /**
   * The customer a clicked OS notification asked to open, once; null when none is waiting. A
   * window opened by the click (the old one was closed) missed the event and takes it here.
   */
  'notifications:takeOpen': {
    request: z.object({}).strict(),
    response: openCustomerEventSchema.nullable(),
  },
} as const
