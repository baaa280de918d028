import type { FaultRule } from './faults'

/** Partner profile fields a test (or the `partner` option) may set; see PATCH /__sandbox/partner. */
export type PartnerOverrides = {
  name: string
  company: string
  slug: string
  email: string
  phone: string
  billing_model: string
  is_active: boolean
  is_verified: boolean
  max_accounts: number
  can_create_accounts: boolean
  can_create_pricing_tiers: boolean
  can_view_cdrs: boolean
  can_transfer_balance: boolean
  default_pricing_tier_id: string
  /** Decimal string or number; becomes the balance now (drift continues from it). */
  balance: string | number
  /** Signed amount per second the balance drifts by, e.g. "-0.01" or 0 to freeze it. */
  balance_drift_per_second: string | number
}

export type SandboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Seeded customers, 0 … 100,000. Default 500. */
  customers?: number
  /** The first this many customers have call records and numbers (0–60 calls each). Default 2,000. */
  callCustomers?: number
  /** PRNG seed for the data. Default 1. */
  seed?: number
  /** The partner token; a random one per start when omitted. */
  authToken?: string
  faults?: FaultRule[]
  /** Clock in ms since the Unix epoch (balances drift with it). Default Date.now. */
  now?: () => number
  partner?: Partial<PartnerOverrides>
  /**
   * Serve the test-control endpoints under /__sandbox (faults, partner, reset, state). Off by
   * default: the sandbox the app starts never has them; `npm run sandbox` and the tests turn
   * them on. The in-process methods of RunningSandbox work either way.
   */
  controlEndpoints?: boolean
}

export type SandboxState = {
  customers: number
  /** Customers created through POST /accounts since the start or the last reset. */
  created: number
  /** Partner API requests received (faulted ones included) since the start or the last reset. */
  totalRequests: number
  /** Per route, e.g. `"GET /api/v1/partner/accounts/{auth_id}"`; unknown paths under `"unmatched"`. */
  requests: Record<string, number>
  /** The fault rules still in force, `times` showing what is left of each. */
  faults: FaultRule[]
}

export type RunningSandbox = {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  baseUrl: string
  credentials: { authId: string; authToken: string }
  /** Replaces the fault list (like POST /__sandbox/faults). */
  setFaults(rules: FaultRule[]): void
  /** Back to the seeded state (like POST /__sandbox/reset); fault rules are kept. */
  reset(): void
  /** Moves the clock forward (like POST /__sandbox/clock); a reset moves it back. */
  advanceClock(ms: number): void
  /** Merges fields into the partner (like PATCH /__sandbox/partner). */
  updatePartner(patch: Partial<PartnerOverrides>): void
  /** A customer spends `amount` (a decimal string) on calls: a debit, its balance drops. */
  spend(authId: string, amount: string): void
  /** Counts (like GET /__sandbox/state). */
  state(): SandboxState
  /** Stops listening and destroys every open socket, hanging requests included. */
  close(): Promise<void>
}
