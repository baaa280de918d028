import { describe, expect, it } from 'vitest'
import {
  NO_FILTERS,
  createCustomerIndex,
  type Filters,
  type SortState,
} from '../../../renderer/src/features/customers/customer-index'
import { normalise, searchTerms } from '../../../renderer/src/features/customers/normalise'
import type { CustomerRow } from '../../../shared/customers'
import { sandboxRows } from '../../support/sandbox-rows'

const ORIGIN = Date.parse('2026-06-01T00:00:00Z')

/** Sandbox customers, plus rows whose fields repeat letters, carry accents or are missing. */
function customers(count: number): CustomerRow[] {
  const seeded = sandboxRows(11, count, ORIGIN)
  const odd = (i: number, name: string, email: string | null): CustomerRow => ({
    authId: `MA_ODD${String(i).padStart(5, '0')}`,
    name,
    company: i % 2 ? null : 'Anna Annapurna Ann',
    email,
    phone: i % 3 ? null : '+91 98 9898 98',
    balance: null,
    currency: null,
    kycStatus: null,
    enabled: i % 2 === 0,
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

/** The reference: every term is in one of the searched fields (written apart from the index). */
const fieldsOf = new WeakMap<CustomerRow, string[]>()
function matches(row: CustomerRow, terms: readonly string[]): boolean {
  let fields = fieldsOf.get(row)
  if (!fields) {
    fields = [row.name, row.company, row.email, row.phone, row.authId]
      .filter((field): field is string => field !== null)
      .map(normalise)
    fieldsOf.set(row, fields)
  }
  return terms.every((term) => fields.some((field) => field.includes(term)))
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
  const SORTS: SortState[] = [
    { column: 'name', direction: 'ascending' },
    { column: 'email', direction: 'descending' },
  ]
  const FILTERS: Filters[] = [NO_FILTERS, { kyc: 'all', status: 'enabled', lowBalance: false }]

  for (const sort of SORTS) {
    for (const filters of FILTERS) {
      it(`typing on and erasing gives exactly the matching rows, in order (${sort.column} ${sort.direction}, ${filters.status})`, () => {
        // One index for the whole sequence: its cached views and narrowing are what is tested.
        const index = createCustomerIndex(rows, 'en-US')
        const sorted = Array.from(index.order(sort))
        const passes = (row: CustomerRow) =>
          filters.status === 'all' || (filters.status === 'enabled') === (row.enabled === true)
        for (const query of typing(QUERIES)) {
          const terms = searchTerms(query)
          const shown = Array.from(index.view({ terms, sort, filters, threshold: null }))
          const expected = sorted.filter((i) => matches(rows[i]!, terms) && passes(rows[i]!))
          expect(shown, `query ${JSON.stringify(query)}`).toEqual(expected)
        }
      })
    }
  }

  it('jumps between unrelated queries and back give the same rows as a fresh index', () => {
    const sort = SORTS[0]!
    const index = createCustomerIndex(rows, 'en-US')
    const steps = ['ann', 'anna', 'an', 'annab', 'exa', 'ex', 'exam', 'example.o', 'ma', 'ma_m']
    for (const query of [...steps, ...steps.reverse()]) {
      const terms = searchTerms(query)
      const fresh = createCustomerIndex(rows, 'en-US')
      expect(Array.from(index.view({ terms, sort, filters: NO_FILTERS, threshold: null }))).toEqual(
        Array.from(fresh.view({ terms, sort, filters: NO_FILTERS, threshold: null })),
      )
    }
  })
})
