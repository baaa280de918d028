import type { CustomerRow } from '../../../../shared/customers'
import { isBelowThreshold, type LowBalanceRule } from '../../../../shared/low-balance'
import type { Money } from '../../../../shared/money'

export type StatusFilter = 'all' | 'enabled' | 'disabled'
/** 'all', a KYC status as the API spells it, or NO_KYC for customers without one. */
export type KycFilter = string
export const NO_KYC = '\u0000none'

export type Filters = {
  readonly kyc: KycFilter
  readonly status: StatusFilter
  readonly lowBalance: boolean
}
export const NO_FILTERS: Filters = { kyc: 'all', status: 'all', lowBalance: false }

export const hasFilters = (filters: Filters): boolean =>
  filters.kyc !== 'all' || filters.status !== 'all' || filters.lowBalance

/** Whether a row (with its exact balance, when the low-balance filter needs it) passes. */
export function passesFilters(
  row: CustomerRow,
  balance: Money | null | undefined,
  filters: Filters,
  threshold: LowBalanceRule | null,
): boolean {
  if (filters.kyc !== 'all') {
    if (filters.kyc === NO_KYC ? row.kycStatus !== null : row.kycStatus !== filters.kyc)
      return false
  }
  if (filters.status === 'enabled' && row.enabled !== true) return false
  if (filters.status === 'disabled' && row.enabled !== false) return false
  if (filters.lowBalance) {
    if (!isBelowThreshold(balance, row.currency, threshold)) return false
  }
  return true
}
