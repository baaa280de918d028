import { describe, expect, it } from 'vitest'
import { createSpendTally, runwayOf } from '../../../electron/main/watch/runway'
import { watchRows } from '../../../electron/main/watch/watch-view'
import { NO_PREFS } from '../../../electron/main/watch/watch-files'
import type { CustomerRow } from '../../../shared/customers'
import { parseMoney } from '../../../shared/money'
import type { TransactionRow } from '../../../shared/vobiz'

// The runway math on its own: what counts as spend, the 7- and 30-day windows, currencies.

const NOW = Date.parse('2026-11-20T10:00:00Z')
const DAY = 86_400_000
let next = 0

function row(daysAgo: number, amount: string, extra: Partial<TransactionRow> = {}): TransactionRow {
  return {
    id: `row-${next++}`,
    account_id: 'MA_A',
    type: 'debit',
    amount,
    currency: 'INR',
    created_at: new Date(NOW - daysAgo * DAY).toISOString(),
    ...extra,
  }
}

function spendOf(rows: TransactionRow[]) {
  const tally = createSpendTally(NOW)
  tally.addPage(rows)
  return tally.spend().get('MA_A')
}

const money = (text: string) => parseMoney(text)!

const customer = (authId: string, balance: string): CustomerRow => ({
  authId,
  name: authId,
  company: null,
  email: null,
  phone: null,
  balance,
  currency: 'INR',
  kycStatus: null,
  enabled: true,
  active: true,
  createdAt: null,
})

describe('runway', () => {
  it('has no limit when nothing was spent', () => {
    expect(runwayOf(money('5'), 'INR', undefined)).toEqual({
      spendPerDay: null,
      spendDays: null,
      runwayDays: null,
    })
    expect(runwayOf(money('5'), 'INR', spendOf([]))).toMatchObject({ runwayDays: null })
  })

  it('counts debits only: refunds, recharges and transfers are credits, not spend', () => {
    const spend = spendOf([
      row(1, '70'),
      row(1, '500', { type: 'credit', transaction_type: 'refund' }),
      row(2, '900', { type: 'credit' }),
      row(2, '300', { type: 'debit', transaction_type: 'refund' }),
    ])
    expect(spend).toEqual([{ currency: 'INR', last7: 7_000_000n, last30: 7_000_000n }])
    // 70 over 7 days: 10 a day; 35 lasts 3.5 days.
    expect(runwayOf(money('35'), 'INR', spend)).toEqual({
      spendPerDay: { units: 1_000_000n },
      spendDays: 7,
      runwayDays: 3.5,
    })
  })

  it('never mixes currencies: spend in another currency does not shorten the runway', () => {
    const spend = spendOf([row(1, '70'), row(1, '7000', { currency: 'USD' })])
    expect(runwayOf(money('35'), 'INR', spend).runwayDays).toBe(3.5)
    expect(runwayOf(money('35'), 'USD', spend).runwayDays).toBe(0.03)
    expect(runwayOf(money('35'), 'EUR', spend).runwayDays).toBeNull()
  })

  it('takes the higher daily average of the last 7 and the last 30 days', () => {
    // A surge this week: 140 in 7 days (20/day) beats 140 over 30 days.
    const surge = spendOf([row(2, '140')])
    expect(runwayOf(money('100'), 'INR', surge)).toMatchObject({ spendDays: 7, runwayDays: 5 })
    // A quiet week: 300 spent 10–20 days ago is 10/day over 30 days, the week says 0.
    const quiet = spendOf([row(10, '150'), row(20, '150'), row(40, '9999')])
    expect(runwayOf(money('100'), 'INR', quiet)).toEqual({
      spendPerDay: { units: 1_000_000n },
      spendDays: 30,
      runwayDays: 10,
    })
  })

  it('counts a row repeated at the top of the next page once, and an empty balance as 0 days', () => {
    const tally = createSpendTally(NOW)
    const first = [row(1, '7'), row(1, '7')]
    tally.addPage(first)
    tally.addPage([first[1]!, row(2, '7')])
    expect(tally.spend().get('MA_A')).toEqual([
      { currency: 'INR', last7: 2_100_000n, last30: 2_100_000n },
    ])
    expect(runwayOf(money('-3'), 'INR', tally.spend().get('MA_A')).runwayDays).toBe(0)
  })

  it('lists customers below threshold or within the horizon, lowest runway first', () => {
    const spend = new Map(
      ['A', 'B', 'C', 'D'].map((id) => [
        id,
        [{ currency: 'INR', last7: 7_000_000n, last30: 7_000_000n }],
      ]),
    )
    spend.set('D', [{ currency: 'INR', last7: 0n, last30: 0n }])
    const { rows, snoozed } = watchRows({
      // 10/day: A 2 days, B 6 days, C 20 days, D no spend.
      customers: [
        customer('C', '200'),
        customer('B', '60'),
        customer('A', '20'),
        customer('D', '1'),
      ],
      spend,
      prefs: { ...NO_PREFS, thresholds: { D: { kind: 'amount', amount: '5' } } },
      transfers: [],
      thresholdDays: 3,
      horizonDays: 7,
      nowMs: NOW,
    })
    expect(rows.map((r) => [r.authId, r.runwayDays, r.belowThreshold])).toEqual([
      ['A', 2, true],
      ['B', 6, false],
      ['D', null, true],
    ])
    expect(snoozed).toEqual([])
  })

  it('shows the latest top-up from here that Vobiz applied', () => {
    const transfer = (amount: string, at: number, outcome: 'applied' | 'not-applied') => ({
      reference: `PD-${amount}-${at}`,
      transactionId: null,
      authId: 'A',
      customerName: 'A',
      amount,
      currency: 'INR',
      at: new Date(at).toISOString(),
      outcome,
    })
    const { rows } = watchRows({
      customers: [customer('A', '20')],
      spend: new Map([['A', [{ currency: 'INR', last7: 7_000_000n, last30: 7_000_000n }]]]),
      prefs: NO_PREFS,
      // Newest first, as the history keeps them; one not applied is not a top-up.
      transfers: [transfer('500', NOW, 'not-applied'), transfer('40', NOW - DAY, 'applied')],
      thresholdDays: 3,
      horizonDays: 30,
      nowMs: NOW,
    })
    expect(rows[0]?.lastTopUp).toEqual({
      at: new Date(NOW - DAY).toISOString(),
      amount: '40',
      currency: 'INR',
    })
  })
})
