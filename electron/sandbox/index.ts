/**
 * The sandbox: a local, Vobiz-compatible Partner API over node:http with seeded customers,
 * drifting balances and fault injection. Used by "Try the sandbox", the tests and
 * `npm run sandbox`. See README.md in this folder.
 */
export { startSandbox } from './server'
export type { FaultKind, FaultRule } from './faults'
export type { PartnerOverrides, RunningSandbox, SandboxOptions, SandboxState } from './types'
export { PARTNER_AUTH_ID, SEED_EPOCH_MS } from './model'
export { MAX_CUSTOMERS } from './seed'
