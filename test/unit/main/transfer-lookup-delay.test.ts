import { describe, expect, it } from 'vitest'
import type { TransferResult } from '../../../shared/balance'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { createManualScheduler } from '../../support/manual-scheduler'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 15, seed: 6 })
const ledgerReads = () =>
  suite.api.state().requests['GET /api/v1/partner/accounts/{auth_id}/transactions'] ?? 0

describe('a lost transfer reply', () => {
  it('is looked up in the ledger only after the lookup delay, on the scheduler', async () => {
    const time = createManualScheduler(Date.now())
    const app = suite.open(makeTempDir(), { scheduler: time.scheduler, clock: time.clock })
    await signInTo(app, suite.api)
    await syncNow(app)
    const customer = (await snapshot(app)).rows.find((r) => r.currency === 'INR')!.authId
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const transfer = app.invoke('transfers:create', { authId: customer, amount: '10' })
    await expect.poll(() => time.pending()).toContain(1500)
    expect(ledgerReads()).toBe(0)
    await time.advance(1500)
    expect(await valueOf<TransferResult>(transfer)).toMatchObject({ recovered: true })
    expect(ledgerReads()).toBeGreaterThan(0)
  })
})
