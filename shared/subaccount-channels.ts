import { z } from 'zod'
import { copiedSecretSchema, revealedTokenSchema } from './credentials'
import {
  createdSubAccountViewSchema,
  credentialsCheckSchema,
  ownerSchema,
  subAccountListSchema,
  subAccountPatchSchema,
  subAccountRefSchema,
  subAccountViewSchema,
} from './subaccounts'

/** The sub-account channels (part of the contract in ipc-contract.ts). */
export const subAccountChannels = {
  /** Every sub-account of the partner's main account or a customer's; offline, the saved list. */
  'subaccounts:list': {
    request: z.object({ owner: ownerSchema }).strict(),
    response: subAccountListSchema,
  },
  /** Creates one (never retried); its token is kept encrypted in main and never returned. */
  'subaccounts:create': {
    // The draft is checked in main (field messages), so a bad one is not a contract error.
    request: z.object({ owner: ownerSchema, draft: z.record(z.string(), z.unknown()) }).strict(),
    response: createdSubAccountViewSchema,
  },
  /** Rename, enable or disable. */
  'subaccounts:update': {
    request: subAccountRefSchema.extend({ patch: subAccountPatchSchema }).strict(),
    response: subAccountViewSchema,
  },
  /** Permanent: the sub-account and its credentials are removed. */
  'subaccounts:delete': {
    request: subAccountRefSchema,
    response: z.object({ deleted: z.literal(true) }),
  },
  'subaccounts:copy': {
    request: subAccountRefSchema.extend({ format: z.enum(['token', 'env']) }).strict(),
    response: copiedSecretSchema,
  },
  'subaccounts:reveal': { request: subAccountRefSchema, response: revealedTokenSchema },
  /** Are the sub-account's own credentials accepted by Vobiz now? */
  'subaccounts:verify': { request: subAccountRefSchema, response: credentialsCheckSchema },
} as const
