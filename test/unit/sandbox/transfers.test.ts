import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { errorBody, failedFields, FIVE_DECIMALS, manualClock, partnerApi } from './helpers'

type Transfer = {
  transaction_id: string
  from_account: string
  to_account: string
  amount: number
  currency: string
  description: string | null
  status: string
  partner_balance_after: string
  customer_balance_after: string
  timestamp: string
}
type Leg = {
  transaction_id: string
  auth_id: string
  counterparty: string | null
  transaction_type: string
  amount: string
  balance_after: string
  description: string | null
  created_at: string
}
type Ledger = { transactions: Leg[]; total: number; page: number; size: number }

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
    expect(body.partner_balance_after).toMatch(FIVE_DECIMALS)
    expect(units(body.partner_balance_after)).toBe(units(partnerBefore) - 25_050_000n)
    expect(units(body.customer_balance_after)).toBe(units(customerBefore) + 25_050_000n)
    expect(await partnerBalance()).toBe(body.partner_balance_after)
    expect(await balanceOf(customer)).toBe(body.customer_balance_after)
  })

  it('records both legs, found by the reference in their description', async () => {
    const { transaction_id: id } = (
      await transfer(customer, {
        amount: 10,
        currency: 'INR',
        description: 'PD-ref-legs',
      })
    ).body as Transfer
    const mine = (await api.get(`/api/v1/partner/accounts/${customer}/transactions?per_page=100`))
      .body as Ledger
    expect(mine.transactions[0]).toMatchObject({
      transaction_id: id,
      auth_id: customer,
      counterparty: sandbox.credentials.authId,
      transaction_type: 'recharge',
      amount: '10.00000',
      description: 'PD-ref-legs',
    })
    const all = (await api.get('/api/v1/partner/transactions?per_page=100')).body as Ledger
    const legs = all.transactions.filter((t) => t.transaction_id === id)
    expect(legs.map((l) => [l.auth_id, l.transaction_type]).sort()).toEqual(
      [
        [customer, 'recharge'],
        [sandbox.credentials.authId, 'debit'],
      ].sort(),
    )
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
    expect(errorBody(tooMuch).error).toBe('insufficient_balance')
    expect((await transfer('MA_NOPE0000', { amount: 1, currency: 'INR' })).status).toBe(404)
    sandbox.updatePartner({ can_transfer_balance: false })
    expect((await transfer(customer, { amount: 1, currency: 'INR' })).status).toBe(403)
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
  it('has seeded history, newest first, paged with per_page (max 100) echoed as size', async () => {
    const first = (await api.get('/api/v1/partner/transactions?per_page=500')).body as Ledger
    expect(first.size).toBe(100)
    expect(first.total).toBeGreaterThan(100)
    const times = first.transactions.map((t) => Date.parse(t.created_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const second = (await api.get('/api/v1/partner/transactions?page=2&per_page=100'))
      .body as Ledger
    const ids = new Set(first.transactions.map((t) => `${t.transaction_id}:${t.auth_id}`))
    expect(second.transactions.some((t) => ids.has(`${t.transaction_id}:${t.auth_id}`))).toBe(false)
  })

  it('filters by type and by an inclusive date range', async () => {
    const debits = (
      await api.get('/api/v1/partner/transactions?transaction_type=debit&per_page=100')
    ).body as Ledger
    expect(debits.transactions.length).toBeGreaterThan(0)
    expect(debits.transactions.every((t) => t.transaction_type === 'debit')).toBe(true)
    const day = new Date(clock.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    const ranged = (
      await api.get(`/api/v1/partner/transactions?from_date=${day}&to_date=${day}&per_page=100`)
    ).body as Ledger
    expect(ranged.transactions.every((t) => t.created_at.startsWith(day))).toBe(true)
  })

  it('refuses a bad type or date, and an unknown customer', async () => {
    for (const query of ['transaction_type=gift', 'from_date=2026-13-01', 'to_date=yesterday']) {
      const reply = await api.get(`/api/v1/partner/transactions?${query}`)
      expect(reply.status, query).toBe(422)
    }
    expect((await api.get('/api/v1/partner/accounts/MA_NOPE0000/transactions')).status).toBe(404)
  })
})
