import { describe, expect, it } from 'vitest'
import { toLedgerEntry } from '../../../electron/main/money/ledger-service'
import { ledgerEntrySchema } from '../../../shared/ledger'
import { transactionListSchema, transactionSchema } from '../../../shared/vobiz'

/** A ledger row as more-endpoints.md (Transactions) documents it. */
const documented = {
  id: '3f1c2a9e-4b7d-4e21-9c3a-7d5e8f0a1b2c',
  account_id: 'MA_ABCDEF12',
  balance_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  type: 'credit',
  amount: 250.12345,
  currency: 'INR',
  description: 'Invoice 7 [PD-0123456789AB]',
  reference: 'txn_abc',
  status: 'completed',
  processed_at: '2026-11-20T10:00:01.000000+00:00',
  created_at: '2026-11-20T10:00:00.000000+00:00',
  updated_at: '2026-11-20T10:00:02.000000+00:00',
}

describe('a ledger row as the app shows it', () => {
  it('maps the documented row, its amount exact and its date the processing time', () => {
    const entry = toLedgerEntry(transactionSchema.parse(documented))
    expect(entry).toEqual({
      transactionId: documented.id,
      authId: 'MA_ABCDEF12',
      type: 'credit',
      amount: '250.12345',
      currency: 'INR',
      description: 'Invoice 7 [PD-0123456789AB]',
      reference: 'txn_abc',
      status: 'completed',
      createdAt: '2026-11-20T10:00:01.000000+00:00',
    })
    expect(ledgerEntrySchema.parse(entry)).toEqual(entry)
  })

  it('still reads an older server’s row (transaction_id, auth_id, transaction_type, created_at)', () => {
    const older = transactionSchema.parse({
      transaction_id: 'txn_old1',
      auth_id: 'MA_OLDER001',
      transaction_type: 'recharge',
      amount: '10.5',
      currency: 'INR',
      description: 'Top-up',
      created_at: '2026-10-01T09:00:00Z',
    })
    expect(toLedgerEntry(older)).toEqual({
      transactionId: 'txn_old1',
      authId: 'MA_OLDER001',
      type: 'recharge',
      amount: '10.50000',
      currency: 'INR',
      description: 'Top-up',
      reference: null,
      status: null,
      createdAt: '2026-10-01T09:00:00Z',
    })
  })

  it('refuses a row with no id at all, and reads the documented reply without size', () => {
    const { id: _id, ...withoutId } = documented
    expect(transactionSchema.safeParse(withoutId).success).toBe(false)
    const reply = transactionListSchema.parse({
      transactions: [documented],
      summary: {
        total_transactions: 1,
        total_debit: 0,
        total_credit: 250.12345,
        net_amount: 250.12345,
        by_reference_type: [
          { reference_type: 'unknown', total_debit: 0, total_credit: 250.12345, count: 1 },
        ],
      },
      total: 1,
      page: 1,
      per_page: 20,
      total_pages: 1,
      account_auth_id: 'MA_ABCDEF12',
    })
    expect(reply).toMatchObject({ total: 1, page: 1, per_page: 20, total_pages: 1 })
    expect(reply.size).toBeUndefined()
    expect(reply.transactions.map(toLedgerEntry)[0]?.transactionId).toBe(documented.id)
  })
})
