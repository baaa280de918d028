import type { CustomerRow } from '../../../shared/customers'
import { exactDecimal } from '../../../shared/money'
import type { CustomerAccount } from '../../../shared/vobiz'

/** The display fields of a customer account; its `auth_token` (and everything else) is dropped. */
export function toCustomerRow(account: CustomerAccount): CustomerRow {
  return {
    authId: account.auth_id,
    name: account.name,
    company: account.company ?? null,
    email: account.email ?? null,
    phone: account.phone ?? null,
    balance: exactDecimal(account.cash_credits),
    // List items carry no wallet currency (only GET …/balance does); the pricing tier's currency
    // is the closest the list gives.
    currency: account.currency ?? account.pricing_tier?.currency ?? null,
    kycStatus: account.kyc_status ?? null,
    enabled: account.enabled ?? null,
    active: account.is_active ?? null,
    createdAt: account.created_at ?? null,
  }
}

/** Rows in the order given, each auth id once (its first occurrence wins). */
export function uniqueRows(rows: Iterable<CustomerRow>): CustomerRow[] {
  const seen = new Set<string>()
  const out: CustomerRow[] = []
  for (const row of rows) {
    if (seen.has(row.authId)) continue
    seen.add(row.authId)
    out.push(row)
  }
  return out
}
