import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { accountTimestamp } from '../../../electron/sandbox/model'
import { moneyToDecimalString } from '../../../shared/money'
import { errorBody, failedFields, FIVE_DECIMALS, manualClock, partnerApi } from './helpers'

type Transfer = {
  transaction_id: string
  from_account: string
  to_account: string
  amount: number
  currency: string
  description: string | null
  status: string
  /** JSON numbers, as documented (the balances elsewhere are 5-decimal strings). */
  partner_balance_after: number
  customer_balance_after: number
  timestamp: string
}
/** A documented ledger row (more-endpoints.md, Transactions). */
type Row = {
  id: string
  account_id: string
  balance_id: string
  type: 'credit' | 'debit'
  amount: number
  currency: string
  description: string | null
  reference: string | null
  status: string
  processed_at: string
  created_at: string
  updated_at: string
}
type Summary = {
  total_transactions: number
  total_debit: number
  total_credit: number
  net_amount: number
  by_reference_type: {
    reference_type: string
    total_debit: number
    total_credit: number
    count: number
  }[]
}
type Ledger = {
  transactions: Row[]
  summary: Summary
  total: number
  page: number
  per_page: number
  total_pages: number
  account_auth_id: string | null
}

const ROW_FIELDS = [
  'id',
  'account_id',
  'balance_id',
  'type',
  'amount',
  'currency',
  'description',
  'reference',
  'status',
  'processed_at',
  'created_at',
  'updated_at',
]
const LEDGER_FIELDS = [
  'transactions',
  'summary',
  'total',
  'page',
  'per_page',
  'total_pages',
  'account_auth_id',
]
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const clock = manualClock()
let sandbox: RunningSandbox
let api: ReturnType<typeof partnerApi>
let customer: string

beforeAll(async () => {
  // A stopped clock: balances do not drift, so the arithmetic is exact to the unit.
  sandbox = await startSandbox({ port: 0, customers: 60, seed: 9, now: clock.now })
  api = partnerApi(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  sandbox.reset()
  sandbox.setFaults([])
  const list = (await api.get('/api/v1/partner/accounts?per_page=5')).body as {
    accounts: { auth_id: string; currency: string | null }[]
  }
  customer = list.accounts[0]!.auth_id
})

const balanceOf = async (authId: string) =>
  ((await api.get(`/api/v1/partner/accounts/${authId}/balance`)).body as { cash_credits: string })
    .cash_credits
const partnerBalance = async () =>
  ((await api.get('/api/v1/partner/me')).body as { balance: string }).balance
const transfer = (authId: string, body: unknown) =>
  api.post(`/api/v1/partner/accounts/${authId}/transfer-balance`, body)
const units = (decimal: string) => BigInt(decimal.replace('.', ''))
/** A JSON number of the API as exact units (5 decimals). */
const numberUnits = (value: number) => units(value.toFixed(5))
const decimal = (value: bigint) => moneyToDecimalString({ units: value })

describe('balance transfer', () => {
  it('debits the partner and credits the customer atomically, with the documented reply', async () => {
    const [partnerBefore, customerBefore] = [await partnerBalance(), await balanceOf(customer)]
    const reply = await transfer(customer, {
      amount: 250.5,
      currency: 'INR',
      description: 'PD-ref-1',
    })
    expect(reply.status).toBe(200)
    const body = reply.body as Transfer
    expect(Object.keys(body).sort()).toEqual(
      [
        'transaction_id',
        'from_account',
        'to_account',
        'amount',
        'currency',
        'description',
        'status',
        'partner_balance_after',
        'customer_balance_after',
        'timestamp',
      ].sort(),
    )
    expect(body).toMatchObject({
      from_account: sandbox.credentials.authId,
      to_account: customer,
      amount: 250.5,
      currency: 'INR',
      description: 'PD-ref-1',
      status: 'completed',
    })
    expect(typeof body.partner_balance_after).toBe('number')
    expect(typeof body.customer_balance_after).toBe('number')
    const partnerAfter = decimal(units(partnerBefore) - 25_050_000n)
    const customerAfter = decimal(units(customerBefore) + 25_050_000n)
    expect(body.partner_balance_after).toBe(Number(partnerAfter))
    expect(body.customer_balance_after).toBe(Number(customerAfter))
    expect(await partnerBalance()).toMatch(FIVE_DECIMALS)
    expect(await partnerBalance()).toBe(partnerAfter)
    expect(await balanceOf(customer)).toBe(customerAfter)
  })

  it('records the transfer once, as the customer’s credit, found by its reference', async () => {
    const { transaction_id: id } = (
      await transfer(customer, {
        amount: 10,
        currency: 'INR',
        description: 'PD-ref-legs',
      })
    ).body as Transfer
    const mine = (await api.get(`/api/v1/partner/accounts/${customer}/transactions?per_page=100`))
      .body as Ledger
    const at = accountTimestamp(clock.now())
    const row = mine.transactions[0]!
    expect(Object.keys(row).sort()).toEqual([...ROW_FIELDS].sort())
    expect(row).toEqual({
      id: expect.stringMatching(UUID),
      account_id: customer,
      balance_id: expect.stringMatching(UUID),
      type: 'credit',
      amount: 10,
      currency: 'INR',
      description: 'PD-ref-legs',
      // The docs give the field, not its content: the sandbox puts the transfer's id there.
      reference: id,
      status: 'completed',
      processed_at: at,
      created_at: at,
      updated_at: at,
    })
    expect(row.id).not.toBe(id)
    expect(mine.account_auth_id).toBe(customer)
    // The ledger across customers lists it once: the partner's own side is not a ledger row.
    const all = (await api.get('/api/v1/partner/transactions?per_page=100')).body as Ledger
    expect(all.transactions.filter((t) => t.reference === id)).toEqual([row])
    expect(all.transactions.some((t) => t.account_id === sandbox.credentials.authId)).toBe(false)
    // Its category is `transfer` (an older page's `adjustment` names the same), not `recharge`.
    for (const word of ['transfer', 'adjustment']) {
      const filtered = (
        await api.get(`/api/v1/partner/transactions?transaction_type=${word}&per_page=200`)
      ).body as Ledger
      expect(
        filtered.transactions.filter((t) => t.reference === id),
        word,
      ).toEqual([row])
    }
    const recharges = (
      await api.get('/api/v1/partner/transactions?transaction_type=recharge&per_page=200')
    ).body as Ledger
    expect(recharges.transactions.some((t) => t.reference === id)).toBe(false)
  })

  it('refuses what the docs refuse, changing nothing', async () => {
    const before = await partnerBalance()
    const cases: [unknown, string[]][] = [
      [{ currency: 'INR' }, ['amount']],
      [{ amount: '10', currency: 'INR' }, ['amount']],
      [{ amount: -5, currency: 'INR' }, ['amount']],
      [{ amount: 0, currency: 'INR' }, ['amount']],
      [{ amount: 1.123456, currency: 'INR' }, ['amount']],
      [{ amount: 10, currency: 'USD' }, ['currency']],
      [{ amount: 10 }, ['currency']],
    ]
    for (const [body, fields] of cases) {
      const reply = await transfer(customer, body)
      expect(reply.status, JSON.stringify(body)).toBe(422)
      expect(failedFields(reply)).toEqual(fields)
    }
    const tooMuch = await transfer(customer, { amount: 999_999_999, currency: 'INR' })
    expect(tooMuch.status).toBe(400)
    // The documented flat body of a refused transfer.
    expect(errorBody(tooMuch)).toEqual({
      error: 'insufficient_balance',
      message: expect.any(String),
      current_balance: Number(before),
      requested_amount: 999_999_999,
      currency: 'INR',
    })
    const missing = await transfer('MA_NOPE0000', { amount: 1, currency: 'INR' })
    expect(missing.status).toBe(404)
    expect(errorBody(missing)).toEqual({
      error: 'HTTPError',
      message: 'No customer account with auth_id MA_NOPE0000 under this partner.',
      status_code: 404,
    })
    sandbox.updatePartner({ can_transfer_balance: false })
    const forbidden = await transfer(customer, { amount: 1, currency: 'INR' })
    expect(forbidden.status).toBe(403)
    expect(errorBody(forbidden)).toEqual({
      error: 'HTTPError',
      message: expect.stringContaining('can_transfer_balance'),
      status_code: 403,
    })
    expect(await partnerBalance()).toBe(before)
  })

  it('a reply lost after the transfer was applied: applied once, visible in the ledger', async () => {
    sandbox.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const before = await balanceOf(customer)
    await expect(
      transfer(customer, { amount: 5, currency: 'INR', description: 'PD-ref-lost' }),
    ).rejects.toThrow()
    expect(units(await balanceOf(customer))).toBe(units(before) + 500_000n)
    const mine = (await api.get(`/api/v1/partner/accounts/${customer}/transactions`)).body as Ledger
    expect(mine.transactions.filter((t) => t.description === 'PD-ref-lost')).toHaveLength(1)
  })
})

describe('transactions', () => {
  it('has seeded history, newest first, paged with per_page (max 200) in the documented reply', async () => {
    const first = (await api.get('/api/v1/partner/transactions?per_page=200')).body as Ledger
    expect(Object.keys(first).sort()).toEqual([...LEDGER_FIELDS].sort())
    expect(first).not.toHaveProperty('size')
    expect(first.per_page).toBe(200)
    expect(first.page).toBe(1)
    expect(first.total).toBeGreaterThan(100)
    expect(first.total_pages).toBe(Math.ceil(first.total / 200))
    expect(first.account_auth_id).toBeNull()
    expect(first.summary.total_transactions).toBe(first.total)
    for (const row of first.transactions) {
      expect(Object.keys(row).sort()).toEqual([...ROW_FIELDS].sort())
      expect(['credit', 'debit']).toContain(row.type)
      expect(row.amount).toBeGreaterThan(0)
      expect(row.status).toBe('completed')
      expect(row.processed_at).toBe(row.created_at)
    }
    const times = first.transactions.map((t) => Date.parse(t.created_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const byHundred = (await api.get('/api/v1/partner/transactions?page=2&per_page=100'))
      .body as Ledger
    expect(byHundred).toMatchObject({ page: 2, per_page: 100 })
    expect(byHundred.total_pages).toBe(Math.ceil(first.total / 100))
    const firstHundred = new Set(first.transactions.slice(0, 100).map((t) => t.id))
    expect(byHundred.transactions.some((t) => firstHundred.has(t.id))).toBe(false)
    expect(byHundred.transactions.map((t) => t.id)).toEqual(
      first.transactions.slice(100, 200).map((t) => t.id),
    )
  })

  it('refuses per_page over 200 with the documented 422', async () => {
    const reply = await api.get('/api/v1/partner/transactions?per_page=201')
    expect(reply.status).toBe(422)
    expect(errorBody(reply)).toEqual({
      error: 'ValidationError',
      message: 'Request validation failed',
      details: [{ type: 'value_error', loc: ['body', 'per_page'], msg: expect.any(String) }],
      status_code: 422,
    })
  })

  it('sums the whole filtered set in summary', async () => {
    const rows: Row[] = []
    let page = 1
    let reply: Ledger
    do {
      reply = (await api.get(`/api/v1/partner/transactions?per_page=50&page=${page++}`))
        .body as Ledger
      rows.push(...reply.transactions)
    } while (rows.length < reply.total)
    const total = (type: Row['type']) =>
      rows.filter((r) => r.type === type).reduce((sum, r) => sum + numberUnits(r.amount), 0n)
    const { summary } = reply
    expect(summary.total_transactions).toBe(rows.length)
    expect(numberUnits(summary.total_debit)).toBe(total('debit'))
    expect(numberUnits(summary.total_credit)).toBe(total('credit'))
    expect(numberUnits(summary.net_amount)).toBe(total('credit') - total('debit'))
    expect(summary.by_reference_type.reduce((n, g) => n + g.count, 0)).toBe(rows.length)
  })

  it('filters by type and by an inclusive date range', async () => {
    const seen: Record<string, number> = {}
    for (const [category, direction] of [
      ['debit', 'debit'],
      ['recharge', 'credit'],
      ['refund', 'credit'],
      ['transfer', 'credit'],
    ] as const) {
      const filtered = (
        await api.get(`/api/v1/partner/transactions?transaction_type=${category}&per_page=200`)
      ).body as Ledger
      expect(filtered.transactions.length, category).toBeGreaterThan(0)
      // The row's `type` is the ledger direction, not the filter's category.
      expect(
        filtered.transactions.every((t) => t.type === direction),
        category,
      ).toBe(true)
      seen[category] = filtered.total
    }
    const everything = (await api.get('/api/v1/partner/transactions?per_page=1')).body as Ledger
    // The seeded categories are exactly these four.
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(everything.total)
    const day = new Date(clock.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    const ranged = (
      await api.get(`/api/v1/partner/transactions?from_date=${day}&to_date=${day}&per_page=100`)
    ).body as Ledger
    expect(ranged.transactions.every((t) => t.processed_at.startsWith(day))).toBe(true)
  })

  it('refuses a bad type or date, and an unknown customer', async () => {
    for (const [query, field] of [
      ['transaction_type=gift', 'transaction_type'],
      ['from_date=2026-13-01', 'from_date'],
      ['from_date=2026-02-31', 'from_date'],
      ['to_date=yesterday', 'to_date'],
    ]) {
      const reply = await api.get(`/api/v1/partner/transactions?${query}`)
      expect(reply.status, query).toBe(422)
      expect(failedFields(reply), query).toEqual([field])
    }
    expect((await api.get('/api/v1/partner/accounts/MA_NOPE0000/transactions')).status).toBe(404)
  })
})
