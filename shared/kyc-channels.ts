import { z } from 'zod'
import { copiedSecretSchema } from './credentials'
import {
  kycAccountRefSchema,
  kycListRequestSchema,
  kycListSchema,
  kycRevokeSchema,
  kycSessionRefSchema,
  kycSessionViewSchema,
  kycStartedSchema,
  revealedLinkSchema,
  startKycSchema,
} from './kyc'

/** The KYC session channels (part of the contract in ipc-contract.ts). */
export const kycChannels = {
  /** A page of sessions across customers, or one customer's, optionally of one status. */
  'kyc:list': { request: kycListRequestSchema, response: kycListSchema },
  /** The customer's latest session (the active one, if any), or null. */
  'kyc:latest': {
    request: kycAccountRefSchema,
    response: z.object({ session: kycSessionViewSchema.nullable() }),
  },
  /** Starts a session; the account's active one is revoked by Vobiz (its link stops working). */
  'kyc:start': { request: startKycSchema, response: kycStartedSchema },
  /** Sends the email again (email flow, 30 minutes after creation). */
  'kyc:resend': {
    request: kycSessionRefSchema,
    response: z.object({ session: kycSessionViewSchema }),
  },
  'kyc:revoke': {
    request: kycRevokeSchema,
    response: z.object({ session: kycSessionViewSchema }),
  },
  /** Copies a redirect session's link in main (guarded clipboard); the link never comes back. */
  'kyc:copyLink': {
    request: kycSessionRefSchema,
    response: copiedSecretSchema.pick({ clearsAt: true }),
  },
  /** The one reply that carries the link: shown a few seconds, then dropped. */
  'kyc:revealLink': { request: kycSessionRefSchema, response: revealedLinkSchema },
} as const
