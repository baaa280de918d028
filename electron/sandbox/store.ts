import { z } from 'zod'
import { issueMessages } from '../../shared/field-messages'
import { balanceUnitsAt, rebase } from './drift'
import { createLedger, seedLedger, transactionId, type Ledger } from './ledger'
import type { CustomerCore, CustomerRecord, PartnerRecord, SeededCustomer } from './model'
import { newCustomerRecord } from './new-customer'
import { partnerPatchSchema, patchPartner } from './partner-patch'
import { createPrng, type Prng } from './prng'
import { customerToken, generateData, seededDetails, uniqueAuthId } from './seed'
import { SEEDED_CUSTOMER_PARENTS, seedSubAccounts } from './subaccount-seed'
import { createSubAccountStore, type SubAccountStore } from './subaccount-store'
import type { PartnerOverrides } from './types'
import type { FieldError, NewCustomerInput } from './validation'

export type ListQuery = { page: number; size: number; search: string }

export type Store = {
  readonly partner: PartnerRecord
  readonly customerCount: number
  /** Creation order; `search` is a case-insensitive substring of the name or the email. */
  list(query: ListQuery): { items: CustomerRecord[]; total: number }
  get(authId: string): CustomerRecord | undefined
  emailTaken(emailLower: string): boolean
  create(input: NewCustomerInput): CustomerRecord
  /** Validates and merges; returns field errors instead when the patch is bad. */
  updatePartner(patch: unknown): FieldError[] | null
  /**
   * Moves money from the partner's wallet to a customer's, atomically (both balances and both
   * ledger legs, or nothing). The caller has checked the request; this checks the money.
   */
  transfer(
    authId: string,
    amountUnits: bigint,
    description: string | null,
  ):
    | { ok: true; record: TransferRecord }
    | { ok: false; reason: 'not_found' }
    | { ok: false; reason: 'insufficient'; availableUnits: bigint }
  /** A customer spends (calls): its balance drops, never below 0, and a debit is in its ledger. */
  spend(authId: string, amountUnits: bigint): boolean
  readonly ledger: Ledger
  /** The sub-accounts of the partner's main account and of the customers. */
  readonly subAccounts: SubAccountStore
  /** Back to the seeded data and the partner as configured at start. */
  reset(): void
}

export type TransferRecord = {
  transactionId: string
  from: string
  to: string
  amountUnits: bigint
  currency: string
  description: string | null
  partnerBalanceAfterUnits: bigint
  customerBalanceAfterUnits: bigint
  atMs: number
}

export function createStore(options: {
  seed: number
  customers: number
  now: () => number
  partner: Partial<PartnerOverrides>
}): Store {
  let partner: PartnerRecord
  /** Creation order. Seeded customers are completed (and replaced here) on first use. */
  let customers: (SeededCustomer | CustomerRecord)[]
  let byAuthId: Map<string, number>
  let prng: Prng
  let originMs: number
  const ledger = createLedger()
  const subAccounts = createSubAccountStore({ seed: options.seed, now: options.now })

  const full = (index: number): CustomerRecord | undefined => {
    const entry = customers[index]
    if (!entry || !('detailSeed' in entry)) return entry
    const { detailSeed: _seed, lastName: _last, international: _intl, ...core } = entry
    const record: CustomerRecord = { ...core, ...seededDetails(entry, originMs) }
    customers[index] = record
    return record
  }

  const reset = (): void => {
    originMs = options.now()
    const data = generateData(options.seed, options.customers, originMs)
    partner = data.partner
    customers = data.customers
    byAuthId = data.indexByAuthId
    // New customers' ids and tokens come from their own stream, so they repeat after a reset.
    prng = createPrng((options.seed ^ 0x5eed_cafe) >>> 0)
    ledger.reset(
      seedLedger({
        prng: createPrng((options.seed ^ 0x1ed9_e500) >>> 0),
        partner: { currency: partner.currency },
        customers: customers
          .slice(0, 40)
          .flatMap((_, i) => full(i) ?? [])
          .map((c) => ({ authId: c.authId, currency: c.currency })),
        originMs,
      }),
    )
    subAccounts.reset(
      seedSubAccounts({
        seed: options.seed,
        partner: {
          authId: partner.auth_id,
          accountId: String(partner.account_id),
          createdAtMs: partner.createdAtMs,
        },
        customers: customers.slice(0, SEEDED_CUSTOMER_PARENTS).map((c) => ({
          authId: c.authId,
          accountId: c.id,
          createdAtMs: c.createdAtMs,
        })),
      }),
    )
    const initial = partnerPatchSchema.safeParse(options.partner)
    if (!initial.success) {
      throw new TypeError(`Invalid partner option: ${z.prettifyError(initial.error)}`)
    }
    if (Object.keys(initial.data).length > 0) {
      partner = patchPartner(partner, initial.data, options.now())
      partner.updatedAtMs = data.partner.updatedAtMs
    }
  }
  reset()

  return {
    get partner() {
      return partner
    },
    get customerCount() {
      return customers.length
    },
    list({ page, size, search }) {
      const offset = (page - 1) * size
      const needle = search.normalize('NFC').toLowerCase()
      const indexes: number[] = []
      let total = 0
      if (!needle) {
        total = customers.length
        for (let i = offset; i < Math.min(total, offset + size); i++) indexes.push(i)
      } else {
        for (let i = 0; i < customers.length; i++) {
          const c = customers[i] as CustomerCore
          if (!c.nameLower.includes(needle) && !c.emailLower.includes(needle)) continue
          if (total >= offset && indexes.length < size) indexes.push(i)
          total++
        }
      }
      return { items: indexes.map((i) => full(i)).filter((c) => c !== undefined), total }
    },
    get(authId) {
      const index = byAuthId.get(authId)
      return index === undefined ? undefined : full(index)
    },
    // A scan rather than an index: creating is rare, and 100k comparisons take about a millisecond.
    emailTaken: (emailLower) => customers.some((c) => c.emailLower === emailLower),
    create(input) {
      const now = options.now()
      const last = customers[customers.length - 1]
      const record = newCustomerRecord(
        input,
        {
          id: String(last ? Number(last.id) + 1 : partner.account_id + 1),
          authId: uniqueAuthId(prng, byAuthId),
          authToken: customerToken(prng),
          apiId: prng.uuid(),
        },
        now,
      )
      byAuthId.set(record.authId, customers.length)
      customers.push(record)
      return record
    },
    transfer(authId, amountUnits, description) {
      const index = byAuthId.get(authId)
      const customer = index === undefined ? undefined : full(index)
      if (index === undefined || !customer) return { ok: false, reason: 'not_found' }
      const now = options.now()
      const partnerUnits = balanceUnitsAt(partner.balance, now)
      if (partnerUnits < amountUnits) {
        return { ok: false, reason: 'insufficient', availableUnits: partnerUnits }
      }
      const customerUnits = balanceUnitsAt(customer.balance, now) + amountUnits
      partner = {
        ...partner,
        balance: rebase(partner.balance, now, { units: partnerUnits - amountUnits }),
      }
      const updated: CustomerRecord = {
        ...customer,
        updatedAtMs: now,
        balance: rebase(customer.balance, now, { units: customerUnits }),
      }
      customers[index] = updated
      const record: TransferRecord = {
        transactionId: transactionId(prng),
        from: partner.auth_id,
        to: authId,
        amountUnits,
        currency: partner.currency,
        description,
        partnerBalanceAfterUnits: partnerUnits - amountUnits,
        customerBalanceAfterUnits: customerUnits,
        atMs: now,
      }
      ledger.add({
        id: prng.uuid(),
        authId,
        category: 'transfer',
        amountUnits,
        currency: updated.currency,
        description,
        reference: record.transactionId,
        createdAtMs: now,
      })
      return { ok: true, record }
    },
    spend(authId, amountUnits) {
      const index = byAuthId.get(authId)
      const customer = index === undefined ? undefined : full(index)
      if (index === undefined || !customer) return false
      const now = options.now()
      const before = balanceUnitsAt(customer.balance, now)
      const spent = amountUnits < before ? amountUnits : before
      customers[index] = {
        ...customer,
        updatedAtMs: now,
        balance: rebase(customer.balance, now, { units: before - spent }),
      }
      ledger.add({
        id: prng.uuid(),
        authId,
        category: 'debit',
        amountUnits: spent,
        currency: customer.currency,
        description: 'Call usage',
        reference: null,
        createdAtMs: now,
      })
      return true
    },
    ledger,
    subAccounts,
    updatePartner(patch) {
      const parsed = partnerPatchSchema.safeParse(patch)
      if (!parsed.success) return issueMessages(parsed.error, 'body')
      partner = patchPartner(partner, parsed.data, options.now())
      return null
    },
    reset,
  }
}
