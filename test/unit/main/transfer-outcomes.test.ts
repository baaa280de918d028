import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TransferOutcome } from '../../../electron/main/money/balance-transfers'
import { createPartnerBalanceWatcher } from '../../../electron/main/money/partner-balance'
import { createTransferHistory } from '../../../electron/main/money/transfer-history'
import { createTransferOutcomes } from '../../../electron/main/money/transfer-outcomes'
import { createFileLogger } from '../../../electron/main/platform/logger'
import { createManualScheduler } from '../../support/manual-scheduler'
import { makeTempDir } from '../../support/temp-dir'

const SENT = '2026-11-20T10:00:00.000Z'

function outcome(
  kind: TransferOutcome['outcome'],
  balances: { partner: string | null; customer: string | null } | null = null,
  profileId = 'p1',
): TransferOutcome {
  const base = { profileId, reference: 'PD-1', authId: 'MA_ONE', amount: '10.00000' }
  return {
    ...base,
    currency: 'INR',
    at: SENT,
    outcome: kind,
    result: balances && {
      ...base,
      transactionId: 'txn_1',
      currency: 'INR',
      partnerBalanceAfter: balances.partner,
      customerBalanceAfter: balances.customer,
      recovered: kind === 'recovered',
    },
  }
}

/** The real history and balance watcher on a temp folder; the saved rows as a plain map. */
function setup(names: Record<string, string> = { MA_ONE: 'Asha' }) {
  const dataDir = makeTempDir()
  const logger = createFileLogger({ file: join(dataDir, 'main.log') })
  const time = createManualScheduler()
  const session = { active: 'p1' as string | null, activeProfileId: () => session.active }
  const rows = new Map([['MA_ONE', '5.00000']])
  const history = createTransferHistory({ dataDir, logger })
  const balance = createPartnerBalanceWatcher({
    scheduler: time.scheduler,
    clock: time.clock,
    read: async () => null,
    connectivity: { state: () => ({ online: true, since: SENT }) },
    intervalMs: () => 30_000,
    onChange: () => {},
  })
  balance.observe('p1', null)
  const outcomes = createTransferOutcomes({
    session,
    history,
    partnerBalance: balance,
    customerName: async (authId) => names[authId] ?? Promise.reject(new Error('no list')),
    customers: {
      updateBalance: async (_profileId, authId, value) => void rows.set(authId, value),
    },
    clock: time.clock,
    logger,
  })
  return { outcomes, history, balance, rows, session, time }
}

describe('transfer outcomes', () => {
  it('an applied transfer: the partner balance shown at once, then the row and the history', async () => {
    const { outcomes, balance, rows, time } = setup()
    const done = outcomes.apply(outcome('applied', { partner: '90.00000', customer: '15.00000' }))
    expect(balance.snapshot().current).toEqual({
      balance: '90.00000',
      currency: 'INR',
      at: new Date(time.clock.now()).toISOString(),
    })
    await done
    expect(rows.get('MA_ONE')).toBe('15.00000')
    expect(await outcomes.list()).toEqual([
      {
        reference: 'PD-1',
        transactionId: 'txn_1',
        authId: 'MA_ONE',
        customerName: 'Asha',
        amount: '10.00000',
        currency: 'INR',
        at: SENT,
        outcome: 'applied',
      },
    ])
  })

  it('a lost reply is recorded, then replaced by what the check found; no balance moves', async () => {
    const { outcomes, balance, rows } = setup()
    await outcomes.apply(outcome('unknown'))
    expect((await outcomes.list()).map((r) => [r.outcome, r.transactionId])).toEqual([
      ['unknown', null],
    ])
    await outcomes.apply(outcome('not-applied'))
    expect((await outcomes.list()).map((r) => r.outcome)).toEqual(['not-applied'])
    expect(balance.snapshot().current).toBeNull()
    expect(rows.get('MA_ONE')).toBe('5.00000')
  })

  it('a reply without balances records the transfer and shows nothing new', async () => {
    const { outcomes, balance, rows } = setup()
    await outcomes.apply(outcome('recovered', { partner: null, customer: null }))
    expect((await outcomes.list()).map((r) => [r.outcome, r.transactionId])).toEqual([
      ['recovered', 'txn_1'],
    ])
    expect(balance.snapshot().current).toBeNull()
    expect(rows.get('MA_ONE')).toBe('5.00000')
  })

  it('an outcome that comes after a sign-out or switch changes nothing of either profile', async () => {
    const { outcomes, history, balance, rows, session } = setup()
    session.active = 'p2'
    await outcomes.apply(outcome('applied', { partner: '90.00000', customer: '15.00000' }))
    expect(await history.list('p1')).toEqual([])
    expect(await outcomes.list()).toEqual([])
    expect(balance.snapshot().current).toBeNull()
    expect(rows.get('MA_ONE')).toBe('5.00000')
    session.active = null
    expect(await outcomes.list()).toEqual([])
  })

  it('a customer whose name cannot be read is recorded without one', async () => {
    const { outcomes } = setup({})
    await outcomes.apply(outcome('applied', { partner: null, customer: null }))
    expect((await outcomes.list()).map((r) => r.customerName)).toEqual([null])
  })
})
