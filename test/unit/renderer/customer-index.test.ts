import { describe, expect, it } from 'vitest'
import {
  NO_FILTERS,
  NO_KYC,
  type Filters,
} from '../../../renderer/src/features/customers/customer-filters'
import {
  createCustomerIndex,
  type ViewRequest,
} from '../../../renderer/src/features/customers/customer-index'
import type { SortState } from '../../../renderer/src/features/customers/row-order'
import { searchTerms } from '../../../renderer/src/features/customers/normalise'
import { lowBalanceRule } from '../../../shared/low-balance'
import { CUSTOMER_COLUMNS, type CustomerRow } from '../../../shared/customers'
import { sandboxRows } from '../../support/sandbox-rows'
import { balanceText, expectedView, shows, sortedBy } from './customer-oracle'

const ORIGIN = Date.parse('2026-06-01T00:00:00Z')
const LOCALE = 'en-US'
// 1.00 for the wallet's rupees, 0.5 for dollars: each balance is compared in its own currency.
const THRESHOLD = lowBalanceRule(
  { lowBalanceThreshold: '1', lowBalanceThresholds: { USD: '0.5' } },
  'INR',
)

/**
 * Sandbox customers with balances around the threshold (some equal, some missing) and KYC and
 * activity sometimes unknown, plus rows whose fields repeat letters, carry accents or are missing.
 */
function customers(count: number): CustomerRow[] {
  const seeded = sandboxRows(11, count, ORIGIN).map((row, i) => ({
    ...row,
    balance: i % 11 === 0 ? null : balanceText(BigInt(((i * 7919) % 41) - 20) * 10_000n, i % 2 > 0),
    kycStatus: i % 13 === 0 ? null : row.kycStatus,
    active: i % 5 === 0 ? false : i % 7 === 0 ? null : row.active,
  }))
  const odd = (i: number, name: string, email: string | null): CustomerRow => ({
    authId: `MA_ODD${String(i).padStart(5, '0')}`,
    name,
    company: i % 2 ? null : 'Anna Annapurna Ann',
    email,
    phone: i % 3 ? null : '+91 98 9898 98',
    balance: null,
    currency: null,
    kycStatus: null,
    enabled: i % 2 === 0 ? true : null,
    active: null,
    createdAt: null,
  })
  return [
    ...seeded,
    odd(1, 'Ana Annabel Annapolis', 'ana.ann@example.org'),
    odd(2, 'Søren Sørensen', 'soren.s@example.com'),
    odd(3, 'José Muñoz', null),
    odd(4, 'Mama Ma_ma', 'mama_ma@example.org'),
    odd(5, 'Łukasz Exexample', 'ex.ex.example@example.net'),
  ]
}

/** Each prefix of each query typed in turn, then erased back to nothing. */
function typing(queries: readonly string[]): string[] {
  const steps: string[] = []
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) steps.push(query.slice(0, i))
    for (let i = query.length - 1; i >= 0; i--) steps.push(query.slice(0, i))
  }
  return steps
}

const QUERIES = [
  'priya',
  'sharma',
  'soren',
  'jose mu',
  'example.org',
  'example.net',
  '+9198',
  'ma_a',
  'ma_ma',
  'anna',
  'annap',
  'ann annap',
  'exex',
  'ex ex',
  'lotus',
  'zzq',
  'a',
]

describe('customer index: views', () => {
  const rows = customers(6000)
  /** Search contexts typed through: each sort with filters of each kind. */
  const CONTEXTS: [SortState, Filters][] = [
    [{ column: 'name', direction: 'ascending' }, NO_FILTERS],
    [
      { column: 'email', direction: 'descending' },
      { ...NO_FILTERS, status: 'enabled' },
    ],
    [
      { column: 'balance', direction: 'descending' },
      { ...NO_FILTERS, lowBalance: true },
    ],
    [
      { column: 'createdAt', direction: 'ascending' },
      { ...NO_FILTERS, kyc: 'pending' },
    ],
  ]

  for (const [sort, filters] of CONTEXTS) {
    it(`typing on and erasing gives exactly the matching rows, in order (${sort.column} ${sort.direction}, ${JSON.stringify(filters)})`, () => {
      // One index for the whole sequence: its cached views and narrowing are what is tested.
      const index = createCustomerIndex(rows, LOCALE)
      const sorted = sortedBy(rows, sort, LOCALE)
      for (const query of typing(QUERIES)) {
        const request: ViewRequest = {
          terms: searchTerms(query),
          sort,
          filters,
          threshold: THRESHOLD,
        }
        const expected = sorted.filter((i) => shows(rows[i]!, request))
        expect(Array.from(index.view(request)), `query ${JSON.stringify(query)}`).toEqual(expected)
      }
    })
  }

  it('sorts by every column both ways, missing values last, ties in the cache order', () => {
    const index = createCustomerIndex(rows, LOCALE)
    for (const column of CUSTOMER_COLUMNS) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sort = { column, direction }
        expect(Array.from(index.order(sort)), `${column} ${direction}`).toEqual(
          sortedBy(rows, sort, LOCALE),
        )
      }
    }
  })

  it('filters by each KYC status, by status and by low balance, alone and together', () => {
    const index = createCustomerIndex(rows, LOCALE)
    const sort: SortState = { column: 'balance', direction: 'ascending' }
    const values = ['pending', 'rejected', 'verified']
    expect(index.kycStatuses()).toEqual({ values, hasNone: true })
    for (const kyc of ['all', ...values, NO_KYC, 'unknown']) {
      for (const status of ['all', 'enabled', 'disabled'] as const) {
        for (const [lowBalance, threshold] of [
          [false, THRESHOLD],
          [true, THRESHOLD],
          [true, null],
        ] as const) {
          const request: ViewRequest = {
            terms: [],
            sort,
            filters: { kyc, status, lowBalance },
            threshold,
          }
          const shown = Array.from(index.view(request))
          expect(shown, JSON.stringify(request.filters)).toEqual(
            expectedView(rows, request, LOCALE),
          )
        }
      }
    }
  })

  it('jumping between unrelated queries and back gives exactly the matching rows', () => {
    const sort = CONTEXTS[0]![0]
    const index = createCustomerIndex(rows, LOCALE)
    const sorted = sortedBy(rows, sort, LOCALE)
    const steps = ['ann', 'anna', 'an', 'annab', 'exa', 'ex', 'exam', 'example.o', 'ma', 'ma_m']
    for (const query of [...steps, ...steps.reverse()]) {
      const request = { terms: searchTerms(query), sort, filters: NO_FILTERS, threshold: null }
      const expected = sorted.filter((i) => shows(rows[i]!, request))
      expect(Array.from(index.view(request)), `query ${JSON.stringify(query)}`).toEqual(expected)
    }
  })
})

describe('customer index: money per currency', () => {
  const row = (authId: string, balance: string, currency: string): CustomerRow => ({
    ...customers(1)[0]!,
    authId,
    balance,
    currency,
  })
  const list = [
    row('A', '5', 'INR'),
    row('B', '3', 'USD'),
    row('C', '-1', 'INR'),
    row('D', '10', 'USD'),
    row('E', '50', 'INR'),
  ]
  const ids = (order: Iterable<number>) => Array.from(order, (i) => list[i]!.authId)

  it('sorts balances by currency, then amount: ₹ and $ never compare as one number', () => {
    const index = createCustomerIndex(list, LOCALE)
    expect(ids(index.order({ column: 'balance', direction: 'ascending' }))).toEqual([
      'C',
      'A',
      'E',
      'B',
      'D',
    ])
    expect(ids(index.order({ column: 'balance', direction: 'descending' }))).toEqual([
      'D',
      'B',
      'E',
      'A',
      'C',
    ])
  })

  it('filters low balances against the threshold of each row’s own currency', () => {
    const index = createCustomerIndex(list, LOCALE)
    const view = (threshold: ViewRequest['threshold']) =>
      ids(
        index.view({
          terms: [],
          sort: { column: 'balance', direction: 'ascending' },
          filters: { ...NO_FILTERS, lowBalance: true },
          threshold,
        }),
      )
    // 100 rupees: the dollar balances (3 and 10) are not "under 100.00".
    expect(view(lowBalanceRule({ lowBalanceThreshold: '100' }, 'INR'))).toEqual(['C', 'A', 'E'])
    expect(
      view(lowBalanceRule({ lowBalanceThreshold: '1', lowBalanceThresholds: { USD: '5' } }, 'INR')),
    ).toEqual(['C', 'B'])
  })
})
