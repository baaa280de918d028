import { describe, expect, it } from 'vitest'
import { parseBulkCsv } from '../../../electron/main/money/bulk-csv'
import { dryRunBatch, type SavedCustomer } from '../../../electron/main/money/bulk-dry-run'

const saved: Record<string, SavedCustomer> = {
  MA_ONE: { name: 'One Ltd', balance: '10.00000', currency: 'INR' },
  MA_TWO: { name: 'Two Ltd', balance: '0.50000', currency: 'INR' },
  MA_USD: { name: 'Dollar Inc', balance: '3.00000', currency: 'USD' },
}
const customer = (authId: string) => saved[authId] ?? null
const partner = { balance: '100.00000', currency: 'INR', canTransfer: true }
const row = (authId: string, amountText: string, line: number | null = null) => ({
  line,
  authId,
  amountText,
})

describe('bulk dry run', () => {
  it('a clean batch: each row before → after, the total against the partner wallet', () => {
    const run = dryRunBatch([row('MA_ONE', '25.5'), row('MA_TWO', '0.00001')], customer, partner)
    expect(run.rows.map((r) => [r.name, r.amount, r.balanceBefore, r.balanceAfter])).toEqual([
      ['One Ltd', '25.50000', '10.00000', '35.50000'],
      ['Two Ltd', '0.00001', '0.50000', '0.50001'],
    ])
    expect(run.rows.every((r) => r.problems.length === 0)).toBe(true)
    expect(run).toMatchObject({
      total: '25.50001',
      sendable: 2,
      partnerBalance: '100.00000',
      partnerAfter: '74.49999',
      insufficient: false,
      blocked: null,
    })
  })

  it('flags an unknown customer, and leaves it out of the total', () => {
    const run = dryRunBatch([row('MA_NOPE', '5'), row('MA_ONE', '5')], customer, partner)
    expect(run.rows[0]!.problems).toEqual(['Unknown customer: not in the synced customer list.'])
    expect(run).toMatchObject({ total: '5.00000', sendable: 1 })
  })

  it('flags a wallet in another currency than the partner wallet', () => {
    const run = dryRunBatch([row('MA_USD', '5')], customer, partner)
    expect(run.rows[0]!.problems).toEqual(['Wallet in USD; transfers are in INR.'])
    expect(run.blocked).toMatch(/No row can be sent/)
  })

  it.each([
    ['', 'Enter an amount'],
    ['abc', 'Enter digits only'],
    ['-5', 'Enter digits only'],
    ['1.123456', 'up to 5 decimals'],
    ['0', 'more than zero'],
    ['1000000001', 'At most 1,000,000,000'],
  ])('flags the amount %j as outside the transfer rules', (amount, message) => {
    const run = dryRunBatch([row('MA_ONE', amount)], customer, partner)
    expect(run.rows[0]!.problems).toEqual([expect.stringContaining(message)])
    expect(run.rows[0]!.amount).toBeNull()
  })

  it('flags every row when the partner may not transfer balance, and blocks the batch', () => {
    const run = dryRunBatch([row('MA_ONE', '1')], customer, { ...partner, canTransfer: false })
    expect(run.rows[0]!.problems).toEqual([expect.stringMatching(/may not transfer balance/)])
    expect(run.blocked).toMatch(/can_transfer_balance is off/)
  })

  it('flags a customer listed twice, naming the earlier line', () => {
    const run = dryRunBatch(
      [row('MA_ONE', '1', 2), row('MA_TWO', '1', 3), row('MA_ONE', '2', 4)],
      customer,
      partner,
    )
    expect(run.rows.map((r) => r.problems)).toEqual([[], [], ['Listed twice: also on line 2.']])
    expect(run.total).toBe('2.00000')
  })

  it('flags a total the partner wallet does not cover, and blocks the batch', () => {
    const run = dryRunBatch([row('MA_ONE', '60'), row('MA_TWO', '40.00001')], customer, partner)
    expect(run).toMatchObject({
      insufficient: true,
      partnerAfter: '-0.00001',
      blocked: 'The partner wallet does not cover the total.',
    })
  })
})

describe('bulk CSV', () => {
  it('reads a header, quotes, a byte-order mark and CRLF, with line numbers', () => {
    const text = '\uFEFFauth_id,amount\r\n"MA_ONE","1,000"\r\nMA_TWO,  250.50 \r\n\r\nMA_X\r\n'
    expect(parseBulkCsv(text)).toEqual([
      { line: 2, authId: 'MA_ONE', amountText: '1,000', problem: null },
      { line: 3, authId: 'MA_TWO', amountText: '250.50', problem: null },
      { line: 5, authId: 'MA_X', amountText: '', problem: expect.stringMatching(/Expected/) },
    ])
  })

  it('reads rows without a header, columns named in another order, and `;`', () => {
    expect(parseBulkCsv('MA_ONE,5\nMA_TWO,6').map((l) => [l.line, l.authId, l.amountText])).toEqual(
      [
        [1, 'MA_ONE', '5'],
        [2, 'MA_TWO', '6'],
      ],
    )
    expect(parseBulkCsv('Amount;Note;Auth ID\n7;"a;b";MA_ONE')).toEqual([
      { line: 2, authId: 'MA_ONE', amountText: '7', problem: null },
    ])
  })

  it('a bad amount and an unknown auth id from a file are reported on their lines', () => {
    const run = dryRunBatch(
      parseBulkCsv('auth id,amount\nMA_ONE,ten\nMA_GHOST,5'),
      customer,
      partner,
    )
    expect(run.rows.map((r) => [r.line, r.problems.length > 0 && r.problems[0]])).toEqual([
      [2, expect.stringMatching(/Enter digits only/)],
      [3, expect.stringMatching(/Unknown customer/)],
    ])
  })
})
