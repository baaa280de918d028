import { NO_KYC } from '../../../renderer/src/features/customers/customer-filters'
import type { ViewRequest } from '../../../renderer/src/features/customers/customer-index'
import type { SortState } from '../../../renderer/src/features/customers/row-order'
import { normalise } from '../../../renderer/src/features/customers/normalise'
import type { CustomerRow } from '../../../shared/customers'

/**
 * What the customer table shows, written apart from the index: a plain filter and a comparison
 * sort over the rows, by the rule row-order.ts states. Text in the locale's collation with
 * numbers compared as numbers, balances by currency code then exactly, dates by instant, status active < enabled <
 * inactive < disabled; rows without a value last in both directions; equal values in the cache's
 * order in both directions.
 */
export function expectedView(
  rows: readonly CustomerRow[],
  request: ViewRequest,
  locale: string,
): number[] {
  return sortedBy(rows, request.sort, locale).filter((i) => shows(rows[i]!, request))
}

/** The row passes the request's search and filters. */
export function shows(row: CustomerRow, { terms, filters, threshold }: ViewRequest): boolean {
  if (!matches(row, terms)) return false
  if (filters.kyc !== 'all' && row.kycStatus !== (filters.kyc === NO_KYC ? null : filters.kyc)) {
    return false
  }
  if (filters.status !== 'all' && row.enabled !== (filters.status === 'enabled')) return false
  if (!filters.lowBalance) return true
  // Only against the threshold of the row's own currency.
  const units = unitsOf(row.balance)
  const limit = threshold?.thresholdFor(row.currency) ?? null
  return units !== null && limit !== null && units < limit.units
}

/** All row indices, stably sorted by one column. */
export function sortedBy(rows: readonly CustomerRow[], sort: SortState, locale: string): number[] {
  const collator = new Intl.Collator(locale, { numeric: true })
  type Value = string | number | bigint | { currency: string; units: bigint }
  const valueOf = (row: CustomerRow): Value | null => {
    switch (sort.column) {
      case 'balance': {
        const units = unitsOf(row.balance)
        return units === null ? null : { currency: row.currency ?? '', units }
      }
      case 'createdAt': {
        const time = Date.parse(row.createdAt ?? '')
        return Number.isNaN(time) ? null : time
      }
      case 'status':
        return statusRank(row)
      default:
        return row[sort.column]
    }
  }
  const compare = (a: Value, b: Value): number => {
    if (typeof a === 'object' && typeof b === 'object') {
      if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1
      return a.units < b.units ? -1 : +(a.units > b.units)
    }
    return typeof a === 'string' && typeof b === 'string'
      ? collator.compare(a, b)
      : a < b
        ? -1
        : +(a > b)
  }
  const sign = sort.direction === 'ascending' ? 1 : -1
  const values = rows.map(valueOf)
  return values
    .map((_, i) => i)
    .sort((i, j) => {
      const a = values[i] ?? null
      const b = values[j] ?? null
      if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0)
      return sign * compare(a, b)
    })
}

function statusRank(row: CustomerRow): number | null {
  if (row.enabled === false) return 3
  if (row.active === true) return 0
  if (row.active === false) return 2
  return row.enabled === true ? 1 : null
}

/**
 * A balance in 1/100000 units, for the forms the tests write ("-12.5", "3", "0.00001"); null for
 * none or anything else.
 */
export function unitsOf(balance: string | null): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,5}))?$/.exec(balance ?? '')
  if (!match) return null
  const [, sign, whole = '0', fraction = ''] = match
  const units = BigInt(whole) * 100_000n + BigInt(fraction.padEnd(5, '0'))
  return sign ? -units : units
}

/** The exact balance text for `units`, with trailing zeros kept or dropped. */
export function balanceText(units: bigint, trimmed: boolean): string {
  const abs = units < 0n ? -units : units
  const fraction = String(abs % 100_000n).padStart(5, '0')
  const text = `${units < 0n ? '-' : ''}${abs / 100_000n}.${fraction}`
  return trimmed ? text.replace(/\.?0+$/, '') : text
}

/** Every term is in one of the searched fields. */
const fieldsOf = new WeakMap<CustomerRow, string[]>()
export function matches(row: CustomerRow, terms: readonly string[]): boolean {
  let fields = fieldsOf.get(row)
  if (!fields) {
    fields = [row.name, row.company, row.email, row.phone, row.authId]
      .filter((field): field is string => field !== null)
      .map(normalise)
    fieldsOf.set(row, fields)
  }
  return terms.every((term) => fields.some((field) => field.includes(term)))
}
