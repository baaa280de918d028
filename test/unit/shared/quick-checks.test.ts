import { describe, expect, it } from 'vitest'
import {
  customerTupleSchema,
  customersReplySchema,
  isCustomerTuple,
  toTuple,
} from '../../../shared/customer-tuples'
import { quickCheck } from '../../../shared/quick-checks'

const good = {
  authId: 'MA_1',
  name: 'Zoë',
  company: null,
  email: 'z@example.com',
  phone: null,
  balance: '1.00000',
  currency: 'INR',
  kycStatus: null,
  enabled: true,
  active: null,
  createdAt: '2026-01-01T00:00:00Z',
}

const tuple = toTuple(good)
/** The tuple with field i replaced. */
const changed = (i: number, value: unknown): unknown[] => tuple.map((v, k) => (k === i ? value : v))

const cases: [string, unknown][] = [
  ['a good row', tuple],
  ['no auth id', changed(0, '')],
  ['a numeric auth id', changed(0, 1)],
  ['a missing name', changed(1, undefined)],
  ['a numeric balance', changed(5, 1)],
  ['enabled as a string', changed(8, 'yes')],
  ['active as a number', changed(9, 0)],
  ['a created time as a number', changed(10, 1)],
  ['a field too few', tuple.slice(0, -1)],
  ['a field too many', [...tuple, null]],
  ['an object row', good],
  ['null', null],
  ['one value', ['MA_1']],
]

describe('quick checks', () => {
  it.each(cases)('isCustomerTuple agrees with customerTupleSchema on %s', (_, value) => {
    expect(isCustomerTuple(value)).toBe(customerTupleSchema.safeParse(value).success)
  })

  it('checks a customers snapshot as the schema would', () => {
    const sync = { state: 'idle', pagesDone: 0, pagesTotal: null, error: null, syncedAt: null }
    const snapshot = { rows: [tuple, tuple], total: 2, revision: 'r1', sync, cacheNotice: null }
    expect(quickCheck('customers:get', snapshot)).toEqual({ ok: true, value: snapshot })
    expect(quickCheck('customers:firstPage', snapshot)).toEqual({ ok: true, value: snapshot })
    for (const bad of [
      { ...snapshot, rows: [tuple, changed(8, 1)] },
      { ...snapshot, rows: [good] },
      { ...snapshot, sync: { ...sync, state: 'busy' } },
      { ...snapshot, rows: 'none' },
      { ...snapshot, revision: '' },
      { ...snapshot, total: -1 },
    ]) {
      expect(quickCheck('customers:get', bad)?.ok).toBe(false)
      expect(customersReplySchema.safeParse(bad).success).toBe(false)
    }
    expect(quickCheck('session:get', {})).toBeNull()
  })
})
