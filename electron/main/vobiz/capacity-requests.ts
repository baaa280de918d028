import type { z } from 'zod'
import {
  allocationSchema,
  capacityHistorySchema,
  capacityReplySchema,
  type AllocationWire,
  type CapacityHistoryEntryWire,
  type CapacityMove,
  type CapacityReplyWire,
  type CapacityResource,
} from '../../../shared/vobiz-capacity'

type Request = <S extends z.ZodType>(
  method: 'get' | 'post',
  path: string,
  schema: S,
  init?: { searchParams?: Record<string, string | number>; json?: unknown },
) => Promise<z.infer<S>>

/** Concurrent calls and CPS (partner-usage-and-onboarding.md, "Capacity"). */
export type CapacityRequests = {
  getAllocation(authId: string): Promise<AllocationWire>
  /** Never retried (a POST): a lost reply is looked up in the history. */
  moveCapacity(
    move: CapacityMove,
    authId: string,
    body: { resource: CapacityResource; slots: number; description: string },
  ): Promise<CapacityReplyWire>
  /** The partner's transfers and reclaims, newest first. */
  listCapacityTransfers(query: {
    limit: number
    offset: number
  }): Promise<CapacityHistoryEntryWire[]>
}

export function capacityRequests(
  request: Request,
  accountPath: (authId: string) => string,
): CapacityRequests {
  return {
    getAllocation: (authId) =>
      request('get', `${accountPath(authId)}/concurrency`, allocationSchema),
    moveCapacity: (move, authId, body) =>
      request('post', `${accountPath(authId)}/concurrency/${move}`, capacityReplySchema, {
        json: body,
      }),
    listCapacityTransfers: ({ limit, offset }) =>
      request('get', 'api/v1/partner/concurrency/transfers', capacityHistorySchema, {
        searchParams: { limit, offset },
      }),
  }
}
