import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ActivityList } from '../../../shared/activity'
import type { TransferResult } from '../../../shared/balance'
import type { SessionState } from '../../../shared/ipc-contract'
import type { CreatedCustomer } from '../../../shared/new-customer'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { sandboxApi } from '../../support/sandbox-api'
import { sandboxSuite } from '../../support/sandbox-suite'
import { filesContaining, makeTempDir } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 20, seed: 7 })
const PASSWORD = 'Str0ng!pass-activity'

describe('activity log, recorded through the real dispatch', () => {
  it('records sign-in, create, top-up, copy, reveal, export and sign-out — with no secret', async () => {
    const dir = makeTempDir()
    const app = suite.open(dir)
    const profileId = await signInTo(app, suite.api)
    expect((await syncNow(app)).state).toBe('idle')
    const [customer] = await sandboxApi(suite.api).authIds()
    const customerToken = await sandboxApi(suite.api).token(customer!)

    const created = await valueOf<CreatedCustomer>(
      app.invoke('customers:create', {
        name: 'Logged Customer',
        email: `logged.${Date.now().toString(36)}@example.com`,
        password: PASSWORD,
        country: 'IN',
        phone: '+919876543210',
      }),
    )
    const createdToken = await sandboxApi(suite.api).token(created.authId)
    const transfer = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: created.authId, amount: '12.5' }),
    )
    const refused = await app.invoke('transfers:create', { authId: customer, amount: 'lots' })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } })
    await valueOf(app.invoke('credentials:copy', { authId: customer, format: 'env' }))
    await valueOf(app.invoke('credentials:reveal', { authId: customer }))
    await valueOf(app.invoke('customers:exportCsv', { authIds: [customer] }))
    // Reading is not acting: not recorded.
    await valueOf(app.invoke('customers:detail', { authId: customer }))

    const list = await valueOf<ActivityList>(app.invoke('activity:list', {}))
    expect(list.chain).toEqual({ intact: true, checked: 7 })
    const rows = list.entries.map((e) => [e.action, e.target, e.outcome, e.reference])
    expect(rows).toEqual([
      ['export-customers', null, 'ok', expect.stringMatching(/^customers-.*\.csv$/)],
      ['credential-reveal', customer, 'ok', null],
      ['credential-copy', customer, 'ok', null],
      ['top-up', customer, 'validation', null],
      ['top-up', created.authId, 'ok', `${transfer.reference} · ${transfer.transactionId}`],
      ['customer-create', created.email, 'ok', created.authId],
      ['sign-in', suite.api.credentials.authId, 'ok', null],
    ])
    expect(transfer.reference).toMatch(/^PD-/)
    expect(list.entries.every((e) => e.profile === profileId)).toBe(true)
    expect(list.entries[2]!.detail).toBe('customer Auth ID and Token as environment variables')

    // Filters: action, outcome, text, time.
    const only = async (filters: object) =>
      (await valueOf<ActivityList>(app.invoke('activity:list', filters))).entries.map(
        (e) => e.action,
      )
    expect(await only({ action: 'top-up' })).toEqual(['top-up', 'top-up'])
    expect(await only({ outcome: 'failed' })).toEqual(['top-up'])
    expect(await only({ text: transfer.reference.toLowerCase() })).toEqual(['top-up'])
    expect(await only({ to: '2000-01-01T00:00:00.000Z' })).toEqual([])

    // The log is the record: sign-out deletes the cache folder, not the log.
    await valueOf<SessionState>(app.invoke('session:signOut', { profileId }))
    expect(existsSync(join(dir, 'cache', profileId))).toBe(false)
    await signInTo(app, suite.api)
    const after = await valueOf<ActivityList>(app.invoke('activity:list', {}))
    expect(after.entries.slice(0, 2).map((e) => e.action)).toEqual(['sign-in', 'sign-out'])
    expect(after.chain).toEqual({ intact: true, checked: 9 })

    const logFile = join(dir, 'records', profileId, 'activity.jsonl')
    expect(readFileSync(logFile, 'utf8').trim().split('\n')).toHaveLength(9)
    for (const secret of [suite.api.credentials.authToken, customerToken, createdToken, PASSWORD])
      expect(filesContaining(join(dir, 'records'), secret)).toEqual([])
  })

  it('a failed sign-in is recorded only for a profile saved here', async () => {
    const dir = makeTempDir()
    const app = suite.open(dir)
    const wrong = { authId: suite.api.credentials.authId, baseUrl: suite.api.baseUrl }
    const refused = await app.invoke('session:signIn', { ...wrong, authToken: 'not-the-token' })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(existsSync(join(dir, 'records'))).toBe(false)

    const profileId = await signInTo(app, suite.api)
    await app.invoke('session:signIn', { ...wrong, authToken: 'still-not-the-token' })
    await signInTo(app, suite.api)
    const list = await valueOf<ActivityList>(app.invoke('activity:list', {}))
    expect(list.entries.map((e) => [e.action, e.outcome, e.profile])).toEqual([
      ['sign-in', 'ok', profileId],
      ['sign-in', 'unauthorized', profileId],
      ['sign-in', 'ok', profileId],
    ])
    expect(filesContaining(join(dir, 'records'), 'still-not-the-token')).toEqual([])
  })
})
