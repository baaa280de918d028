import { SEED_EPOCH_MS } from './model'
import { createPrng, type Prng } from './prng'
import {
  DEFAULT_RATE_LIMIT,
  type KycMode,
  type Permissions,
  type SubAccountRecord,
} from './subaccount-model'
import { FIRST_SUB_ACCOUNT_ID, subAccountToken, uniqueSubAuthId } from './subaccount-store'

/**
 * Seeded sub-accounts, so the app's list is not empty: a few under the partner's main account and
 * two under each of the first customers (at most SEEDED_CUSTOMER_PARENTS, whatever the customer
 * count, so seeding stays cheap). Deterministic for a seed; only the customers' core fields are
 * read, so it does not depend on which customers were looked at first.
 */

export const SEEDED_CUSTOMER_PARENTS = 3

type Template = {
  name: string
  email: string | null
  phone: string | null
  description: string | null
  permissions: Permissions | null
  rateLimit: number
  enabled: boolean
  kycMode: KycMode
  kycVerified: boolean
}

const template = (name: string, overrides: Partial<Omit<Template, 'name'>> = {}): Template => ({
  name,
  email: null,
  phone: null,
  description: null,
  permissions: null,
  rateLimit: DEFAULT_RATE_LIMIT,
  enabled: true,
  kycMode: 'personal_use',
  kycVerified: false,
  ...overrides,
})

const PARTNER_TEMPLATES: readonly Template[] = [
  template('Support Team', {
    email: 'support@sandbox-telecom.example',
    phone: '+919800012346',
    description: 'Support-facing voice workload',
    permissions: { calls: true, cdr: true },
    rateLimit: 500,
  }),
  template('Staging', { description: 'Pre-release testing', enabled: false }),
  template('Kiran Traders', {
    email: 'accounts@kiran-traders.example',
    description: 'Reseller client, KYC in progress',
    permissions: { calls: true, cdr: false },
    kycMode: 'customer_use',
  }),
]

/** Per seeded customer (by position): its two sub-accounts. */
const CUSTOMER_TEMPLATES: readonly (readonly Template[])[] = [
  [
    template('Sales desk', { permissions: { calls: true, cdr: true } }),
    template('Nova Retail', {
      email: 'ops@nova-retail.example',
      phone: '+919812345670',
      kycMode: 'customer_use',
    }),
  ],
  [
    template('Collections', { description: 'Outbound reminders', enabled: false }),
    template('Bluebird Clinics', {
      email: 'it@bluebird-clinics.example',
      kycMode: 'customer_use',
      kycVerified: true,
      rateLimit: 5000,
    }),
  ],
  [
    template('Field operations', { rateLimit: 250 }),
    template('Development', {
      description: 'Sandbox integration work',
      permissions: { cdr: true },
    }),
  ],
]

type Parent = { authId: string; accountId: string; createdAtMs: number }

export function seedSubAccounts(options: {
  seed: number
  partner: Parent
  /** The first customers in creation order (only SEEDED_CUSTOMER_PARENTS of them are used). */
  customers: readonly Parent[]
}): SubAccountRecord[] {
  const prng = createPrng((options.seed ^ 0x5ab_5eed) >>> 0)
  const taken = new Set<string>()
  const drafts: Omit<SubAccountRecord, 'id'>[] = []
  const parents: [Parent, readonly Template[]][] = [
    [options.partner, PARTNER_TEMPLATES],
    ...options.customers
      .slice(0, SEEDED_CUSTOMER_PARENTS)
      .map((c, i): [Parent, readonly Template[]] => [c, CUSTOMER_TEMPLATES[i] ?? []]),
  ]
  for (const [parent, templates] of parents) {
    for (const t of templates) drafts.push(draft(prng, taken, parent, t))
  }
  // Ids ascend with the creation time, as they would have been handed out.
  drafts.sort((a, b) => a.createdAtMs - b.createdAtMs)
  return drafts.map((d, i) => ({ ...d, id: String(FIRST_SUB_ACCOUNT_ID + i) }))
}

function draft(
  prng: Prng,
  taken: Set<string>,
  parent: Parent,
  t: Template,
): Omit<SubAccountRecord, 'id'> {
  const span = Math.max(1, SEED_EPOCH_MS - parent.createdAtMs)
  const createdAtMs = parent.createdAtMs + Math.floor(prng.next() * span * 0.9)
  const sinceCreated = SEED_EPOCH_MS - createdAtMs
  const authId = uniqueSubAuthId(prng, taken)
  taken.add(authId)
  return {
    authId,
    authToken: subAccountToken(prng),
    apiId: prng.uuid(),
    parentAuthId: parent.authId,
    parentAccountId: parent.accountId,
    name: t.name,
    email: t.email,
    emailVerified: t.email !== null && prng.chance(0.5),
    phone: t.phone,
    description: t.description,
    permissions: t.permissions,
    rateLimit: t.rateLimit,
    enabled: t.enabled,
    kycMode: t.kycMode,
    kycVerified: t.kycVerified,
    createdAtMs,
    updatedAtMs: createdAtMs + Math.floor(prng.next() * sinceCreated),
    lastUsedMs:
      t.enabled && prng.chance(0.7) ? createdAtMs + Math.floor(prng.next() * sinceCreated) : null,
  }
}
