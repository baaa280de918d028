import type { RunningSandbox } from '../../electron/sandbox'
import { fromTuple, type CustomersReply } from '../../shared/customer-tuples'
import type { CustomersSnapshot, SyncStatus } from '../../shared/customers'
import type { SessionState } from '../../shared/ipc-contract'
import type { Result } from '../../shared/result'
import type { createAppHarness } from './app-harness'

type Harness = ReturnType<typeof createAppHarness>

/** The value of an ok result; a failed one fails the test with its error. */
export async function valueOf<T>(pending: Promise<Result<unknown>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`)
  return result.value as T
}

/** Signs in to a sandbox API with its partner credentials; returns the profile id. */
export async function signInTo(app: Harness, api: RunningSandbox): Promise<string> {
  const state = await valueOf<SessionState>(
    app.invoke('session:signIn', {
      authId: api.credentials.authId,
      authToken: api.credentials.authToken,
      baseUrl: api.baseUrl,
    }),
  )
  return state.activeProfileId!
}

/** Runs (or joins) a sync and returns how it ended. */
export const syncNow = (app: Harness): Promise<SyncStatus> =>
  valueOf<SyncStatus>(app.invoke('customers:sync', {}))

/** What `customers:get` answers, its rows made objects again (as the renderer's store does). */
export const snapshot = async (app: Harness): Promise<CustomersSnapshot> =>
  snapshotOf(await valueOf<CustomersReply>(app.invoke('customers:get', {})))

export const authIdsOf = (snap: CustomersSnapshot): string[] => snap.rows.map((r) => r.authId)

export const snapshotOf = (reply: CustomersReply): CustomersSnapshot => ({
  ...reply,
  rows: reply.rows.map(fromTuple),
})
