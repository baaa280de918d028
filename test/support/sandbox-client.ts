import { expect } from 'vitest'
import type { RunningSandbox } from '../../electron/sandbox'
import { createVobizClient, type VobizClientOptions } from '../../electron/main/vobiz/vobiz-client'
import { AppFailure, type AppError } from '../../shared/app-error'
import { countingFetch } from './counting-fetch'

/** The real Vobiz client against a sandbox (short back-off), with its requests counted. */
export function sandboxClient(
  sandbox: RunningSandbox,
  overrides: Partial<VobizClientOptions> = {},
) {
  const fetch = countingFetch()
  const client = createVobizClient({
    baseUrl: sandbox.baseUrl,
    ...sandbox.credentials,
    fetch,
    backoffBaseMs: 20,
    ...overrides,
  })
  return { client, calls: fetch.calls }
}

/** The AppError a call fails with; a call that succeeds, or throws anything else, fails the test. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppFailure)
  return (error as AppFailure).appError
}
