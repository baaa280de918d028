import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NO_KYC } from '../../../renderer/src/features/customers/customer-filters'
import {
  createCustomerIndex,
  type ViewRequest,
} from '../../../renderer/src/features/customers/customer-index'
import { searchTerms } from '../../../renderer/src/features/customers/normalise'
import { CUSTOMER_COLUMNS, type CustomerRow } from '../../../shared/customers'
import { lowBalanceRule } from '../../../shared/low-balance'
import { balanceText, expectedView } from './customer-oracle'

const LOCALE = 'en-US'

/** Few distinct pieces, so rows tie, differ only by case or accent, or hold numbers. */
const WORDS = ['Ana', 'ana', 'Åsa', 'Zoë', 'zoe', 'Søren', 'item 2', 'item 10', 'Item 2', 'b', '']
const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 })
  .map((parts) => parts.join(' '))
const KYC = ['verified', 'pending', 'Pending', 'rejected']
const TIMES = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 0, 0, 1), Date.UTC(2025, 5, 30)]

/** A created-at as the API writes it (microseconds, offset) or as the cache does (Z). */
const createdAt = fc.oneof(
  fc.constant(null),
  fc.constant('not a date'),
  fc.tuple(fc.constantFrom(...TIMES), fc.boolean()).map(([time, api]) => {
    const iso = new Date(time).toISOString()
    return api ? iso.replace(/\.(\d{3})Z$/, '.$1000+00:00') : iso
  }),
)
const balance = fc.oneof(
  fc.constant(null),
  fc.constant('n/a'),
  fc
    .tuple(fc.bigInt({ min: -300_000n, max: 300_000n }), fc.boolean())
    .map(([units, trimmed]) => balanceText(units, trimmed)),
  // Around the thresholds below, so balances equal to one occur.
  fc
    .tuple(fc.constantFrom(-1n, 0n, 1n, 99_999n, 100_000n, 100_001n), fc.boolean())
    .map(([units, trimmed]) => balanceText(units, trimmed)),
)

const row: fc.Arbitrary<Omit<CustomerRow, 'authId'>> = fc.record({
  name: text,
  company: fc.option(text),
  email: fc.option(text.map((name) => `${name.replaceAll(' ', '.')}@example.org`)),
  phone: fc.option(fc.constantFrom('+91 98', '+9198', '+44 20 7946')),
  balance,
  currency: fc.constantFrom('INR', 'EUR', null),
  kycStatus: fc.option(fc.constantFrom(...KYC)),
  enabled: fc.constantFrom(true, false, null),
  active: fc.constantFrom(true, false, null),
  createdAt,
})
const rows = fc
  .array(row, { maxLength: 60 })
  .map((list) => list.map((r, i): CustomerRow => ({ ...r, authId: `MA_${i % 3}X${i}` })))

/** Typed queries: letters of the words above, spaces, digits and punctuation, accents included. */
const query = fc
  .array(fc.constantFrom('a', 'n', 'o', 'e', 's', 'ø', 'é', ' ', '1', '2', '0', '.', '+', '_'), {
    maxLength: 5,
  })
  .map((chars) => chars.join(''))

const request = fc.record({
  query,
  column: fc.constantFrom(...CUSTOMER_COLUMNS),
  direction: fc.constantFrom('ascending' as const, 'descending' as const),
  kyc: fc.constantFrom('all', NO_KYC, ...KYC, 'unknown'),
  status: fc.constantFrom('all' as const, 'enabled' as const, 'disabled' as const),
  lowBalance: fc.boolean(),
  threshold: fc.constantFrom(
    null,
    lowBalanceRule({ lowBalanceThreshold: '0' }, 'INR'),
    lowBalanceRule({ lowBalanceThreshold: '1', lowBalanceThresholds: { EUR: '0.00001' } }, 'INR'),
  ),
})
type Step = typeof request extends fc.Arbitrary<infer T> ? T : never

/** Each step's query is typed letter by letter, as in the search box. */
function typed(step: Step): ViewRequest[] {
  const { column, direction, kyc, status, lowBalance, threshold } = step
  return Array.from({ length: step.query.length + 1 }, (_, n) => ({
    terms: searchTerms(step.query.slice(0, n)),
    sort: { column, direction },
    filters: { kyc, status, lowBalance },
    threshold,
  }))
}

describe('customer index against a plain filter and sort', () => {
  it('shows, for any rows and any sequence of views on one index, what the reference shows', () => {
    fc.assert(
      fc.property(rows, fc.array(request, { minLength: 1, maxLength: 12 }), (list, steps) => {
        const index = createCustomerIndex(list, LOCALE)
        for (const view of steps.flatMap(typed)) {
          expect(Array.from(index.view(view))).toEqual(expectedView(list, view, LOCALE))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('offers the KYC statuses present, in collation order, and says when some have none', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const statuses = list.flatMap((r) => (r.kycStatus === null ? [] : [r.kycStatus]))
        expect(createCustomerIndex(list, LOCALE).kycStatuses()).toEqual({
          values: [...new Set(statuses)].sort(new Intl.Collator(LOCALE, { numeric: true }).compare),
          hasNone: list.some((r) => r.kycStatus === null),
        })
      }),
    )
  })
})
