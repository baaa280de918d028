import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TransferResult } from '../../../shared/balance'
import type { SessionState } from '../../../shared/ipc-contract'
import type { TransferRecord } from '../../../shared/ledger'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { rewritingFetch, withoutKey, type RewritingFetch } from './rewriting-fetch'

// A stopped clock: balances do not drift, so every figure can be compared to the unit.
const NOW = Date.parse('2026-11-20T10:00:00Z')
const suite = sandboxSuite({ customers: 15, seed: 6, now: () => NOW })
const units = (decimal: string) => BigInt(decimal.replace('.', ''))

async function ready(fetch?: RewritingFetch) {
  const dataDir = makeTempDir()
  // The app's clock agrees with the API's, as a real computer's roughly does with Vobiz.
  const app = suite.open(dataDir, { clock: { now: () => NOW }, ...(fetch ? { fetch } : {}) })
  const profileId = await signInTo(app, suite.api)
  await syncNow(app)
  // A customer whose wallet is in the partner's currency (INR): transfers go to those only.
  const customer = (await snapshot(app)).rows.find((r) => r.currency === 'INR')!.authId
  return { app, customer, dataDir, profileId }
}

const history = async (app: Awaited<ReturnType<typeof ready>>['app']) =>
  (await valueOf<{ records: TransferRecord[] }>(app.invoke('transfers:history', {}))).records

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${suite.api.baseUrl}${path}`, {
    headers: {
      'X-Auth-ID': suite.api.credentials.authId,
      'X-Auth-Token': suite.api.credentials.authToken,
    },
  })
  return (await response.json()) as T
}
const customerBalance = async (authId: string) =>
  (await get<{ cash_credits: string }>(`/api/v1/partner/accounts/${authId}/balance`)).cash_credits
const partnerBalance = async () => (await get<{ balance: string }>('/api/v1/partner/me')).balance
const rowsWith = async (authId: string, reference: string) =>
  (
    await get<{ transactions: { description: string | null }[] }>(
      `/api/v1/partner/accounts/${authId}/transactions?per_page=100`,
    )
  ).transactions.filter((t) => t.description?.includes(`[${reference}]`))

describe('balance transfers', () => {
  it('moves the exact amount, with a unique reference in the description, and updates the partner', async () => {
    const { app, customer } = await ready()
    const [partnerBefore, customerBefore] = [
      await partnerBalance(),
      await customerBalance(customer),
    ]
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer, amount: '250.12345', note: 'Invoice 42' }),
    )
    expect(done).toMatchObject({
      authId: customer,
      amount: '250.12345',
      currency: 'INR',
      recovered: false,
    })
    expect(done.reference).toMatch(/^PD-[0-9A-F]{12}$/)
    expect(units(done.partnerBalanceAfter!)).toBe(units(partnerBefore) - 25_012_345n)
    expect(units(done.customerBalanceAfter!)).toBe(units(customerBefore) + 25_012_345n)
    expect(await rowsWith(customer, done.reference)).toEqual([
      expect.objectContaining({ description: `Invoice 42 [${done.reference}]` }),
    ])
    // The header follows at once (the partner is read again).
    await expect
      .poll(
        async () => (await valueOf<SessionState>(app.invoke('session:get', {}))).partner?.balance,
      )
      .toBe(done.partnerBalanceAfter)
  })

  it('shows both balances from the reply at once and keeps the transfer in the profile history', async () => {
    const { app, customer, dataDir, profileId } = await ready()
    const row = (await snapshot(app)).rows.find((r) => r.authId === customer)!
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer, amount: '75.5' }),
    )
    // The header's reading from the reply, before any new read of the partner.
    expect(
      app.eventsOf('balance:partner').some((b) => b.current?.balance === done.partnerBalanceAfter),
    ).toBe(true)
    // The saved row (table and cache) has the customer's new balance.
    await expect
      .poll(async () => (await snapshot(app)).rows.find((r) => r.authId === customer)?.balance)
      .toBe(done.customerBalanceAfter)
    await expect
      .poll(() => history(app))
      .toEqual([
        {
          reference: done.reference,
          transactionId: done.transactionId,
          authId: customer,
          customerName: row.name,
          amount: '75.50000',
          currency: 'INR',
          at: expect.any(String),
          outcome: 'applied',
        },
      ])
    const file = await readFile(join(dataDir, 'cache', profileId, 'transfers.json'), 'utf8')
    expect(file).toContain(done.reference)
    expect(file).not.toContain(suite.api.credentials.authToken)
    // Gone with the cache at sign-out.
    await valueOf(app.invoke('session:signOut', { profileId }))
    await expect(readFile(join(dataDir, 'cache', profileId, 'transfers.json'))).rejects.toThrow()
  })

  it('refuses amounts that are not exact positive decimals, and more than the partner has', async () => {
    const { app, customer } = await ready()
    for (const amount of ['', 'abc', '0', '-5', '1.123456', '1e3', '12,50', '99999999999']) {
      expect(
        await app.invoke('transfers:create', { authId: customer, amount }),
        amount,
      ).toMatchObject({
        ok: false,
        error: { kind: 'validation', fields: { amount: expect.any(String) } },
      })
    }
    expect(
      await app.invoke('transfers:create', { authId: customer, amount: '999999999' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/does not cover/) },
    })
    expect(
      suite.api.state().requests['POST /api/v1/partner/accounts/{auth_id}/transfer-balance'] ?? 0,
    ).toBe(0)
  })

  it('one transfer at a time per customer; two customers at once both show their new balances', async () => {
    const { app, customer } = await ready()
    const other = (await snapshot(app)).rows.find(
      (r) => r.currency === 'INR' && r.authId !== customer,
    )!.authId
    const before = await customerBalance(customer)
    suite.api.setFaults([{ kind: 'latency', ms: 400, method: 'POST' }])
    const [first, second, elsewhere] = await Promise.all([
      app.invoke('transfers:create', { authId: customer, amount: '5' }),
      app.invoke('transfers:create', { authId: customer, amount: '5' }),
      app.invoke('transfers:create', { authId: other, amount: '6' }),
    ])
    expect(first.ok).toBe(true)
    expect(second).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome', message: expect.stringMatching(/still on its way/) },
    })
    expect(units(await customerBalance(customer))).toBe(units(before) + 500_000n)
    // Both rows of the saved list follow their replies (neither change is lost).
    const after = (r: typeof first) =>
      r.ok ? (r.value as TransferResult).customerBalanceAfter : null
    await expect
      .poll(async () => {
        const rows = (await snapshot(app)).rows
        return [customer, other].map((id) => rows.find((r) => r.authId === id)?.balance)
      })
      .toEqual([after(first), after(elsewhere)])
    expect(
      await valueOf<{ applied: TransferResult | null; known: boolean }>(
        app.invoke('transfers:check', { authId: customer }),
      ),
    ).toEqual({ applied: null, known: false })
  })

  it("refuses a customer whose wallet is in another currency than the partner's", async () => {
    const { app } = await ready()
    const other = (await snapshot(app)).rows.find((r) => r.currency && r.currency !== 'INR')
    expect(other, 'the seed has customers outside India').toBeDefined()
    const before = await customerBalance(other!.authId)
    expect(
      await app.invoke('transfers:create', { authId: other!.authId, amount: '10' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/wallet is in/) },
    })
    expect(await customerBalance(other!.authId)).toBe(before)
  })

  it('refuses without the permission', async () => {
    const { app, customer } = await ready()
    suite.api.updatePartner({ can_transfer_balance: false })
    await valueOf(app.invoke('partner:refresh', {}))
    expect(await app.invoke('transfers:create', { authId: customer, amount: '1' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })

  it('a reply lost after Vobiz applied it: found by its reference, applied exactly once', async () => {
    const { app, customer } = await ready()
    const before = await customerBalance(customer)
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer, amount: '10' }),
    )
    expect(done.recovered).toBe(true)
    expect(await rowsWith(customer, done.reference)).toHaveLength(1)
    expect(units(await customerBalance(customer))).toBe(units(before) + 1_000_000n)
    await expect
      .poll(async () => (await history(app)).map((r) => [r.reference, r.outcome]))
      .toEqual([[done.reference, 'recovered']])
  })

  it('a reply lost before Vobiz applied it: said plainly, and it can be sent again', async () => {
    const { app, customer } = await ready()
    const before = await customerBalance(customer)
    suite.api.setFaults([{ kind: 'drop', when: 'before', method: 'POST', times: 1 }])
    expect(await app.invoke('transfers:create', { authId: customer, amount: '10' })).toMatchObject({
      ok: false,
      error: { kind: 'offline', message: expect.stringMatching(/not applied/) },
    })
    expect(await customerBalance(customer)).toBe(before)
    await expect
      .poll(async () => (await history(app)).map((r) => r.outcome))
      .toEqual(['not-applied'])
    await valueOf(app.invoke('transfers:create', { authId: customer, amount: '10' }))
    expect(units(await customerBalance(customer))).toBe(units(before) + 1_000_000n)
    await expect
      .poll(async () => (await history(app)).map((r) => r.outcome))
      .toEqual(['applied', 'not-applied'])
  })

  it('when the ledger cannot be read, no new transfer to that customer until it is checked', async () => {
    const { app, customer } = await ready()
    suite.api.setFaults([
      { kind: 'drop', when: 'after', method: 'POST', times: 1 },
      { kind: 'drop', method: 'GET', path: '/transactions' },
    ])
    expect(await app.invoke('transfers:create', { authId: customer, amount: '7' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome', message: expect.stringMatching(/Check again/) },
    })
    suite.api.setFaults([])
    expect(await app.invoke('transfers:create', { authId: customer, amount: '7' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome' },
    })
    await expect.poll(async () => (await history(app)).map((r) => r.outcome)).toEqual(['unknown'])
    const checked = await valueOf<{ applied: TransferResult | null }>(
      app.invoke('transfers:check', { authId: customer }),
    )
    expect(checked.applied?.recovered).toBe(true)
    expect(await rowsWith(customer, checked.applied!.reference)).toHaveLength(1)
    await expect.poll(async () => (await history(app)).map((r) => r.outcome)).toEqual(['recovered'])
  })

  /** The transfers the app sent, as Vobiz received them. */
  const transfersSent = (fetch: RewritingFetch) =>
    fetch.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/transfer-balance'))

  it('sends in the partner currency known only from the dashboard (/me has none)', async () => {
    const fetch = rewritingFetch()
    const { app, customer } = await ready(fetch)
    const me = await get<Record<string, unknown>>('/api/v1/partner/me')
    expect(me).not.toHaveProperty('currency')
    expect(fetch.seen.some((r) => r.path === '/api/v1/partner/dashboard')).toBe(true)
    const state = await valueOf<SessionState>(app.invoke('session:get', {}))
    expect(state.partner?.currency).toBe('INR')
    const before = await customerBalance(customer)
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer, amount: '20' }),
    )
    expect(done).toMatchObject({ authId: customer, amount: '20.00000', currency: 'INR' })
    expect(transfersSent(fetch)).toEqual([
      {
        method: 'POST',
        path: `/api/v1/partner/accounts/${customer}/transfer-balance`,
        body: {
          amount: 20,
          currency: 'INR',
          description: `Partner Desk top-up [${done.reference}]`,
        },
      },
    ])
    expect(units(await customerBalance(customer))).toBe(units(before) + 2_000_000n)
  })

  it('sends in the wallet currency of the customer’s balance reply when no partner reading says', async () => {
    // Neither /me (as in its example) nor this dashboard names the partner currency, and the
    // customer list rows (nor their pricing tiers) carry one: only GET …/balance does.
    const fetch = rewritingFetch(({ path }, body) => {
      if (path === '/api/v1/partner/dashboard') return withoutKey(body, 'currency')
      if (path === '/api/v1/partner/accounts') {
        // Nor their pricing tiers (whose currency the table shows when no wallet says).
        const list = body as { accounts: { pricing_tier?: unknown }[] }
        return {
          ...list,
          accounts: list.accounts.map((a) => ({
            ...(withoutKey(a, 'currency') as object),
            ...(a.pricing_tier ? { pricing_tier: withoutKey(a.pricing_tier, 'currency') } : {}),
          })),
        }
      }
      return body
    })
    const dataDir = makeTempDir()
    const app = suite.open(dataDir, { clock: { now: () => NOW }, fetch })
    await signInTo(app, suite.api)
    await syncNow(app)
    expect(
      (await valueOf<SessionState>(app.invoke('session:get', {}))).partner?.currency,
    ).toBeNull()
    const rows = (await snapshot(app)).rows
    expect(rows.every((r) => r.currency === null)).toBe(true)
    let customer: string | undefined
    for (const row of rows) {
      const balance = await get<{ currency: string }>(
        `/api/v1/partner/accounts/${row.authId}/balance`,
      )
      if (balance.currency === 'INR') {
        customer = row.authId
        break
      }
    }
    expect(customer, 'a customer with an INR wallet').toBeDefined()
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer!, amount: '3.5' }),
    )
    expect(done).toMatchObject({
      authId: customer,
      amount: '3.50000',
      currency: 'INR',
      recovered: false,
    })
    expect(transfersSent(fetch).map((r) => r.body)).toEqual([
      { amount: 3.5, currency: 'INR', description: `Partner Desk top-up [${done.reference}]` },
    ])
  })

  /** The customer's documented ledger row that holds this reference (in either field). */
  const rowWith = async (authId: string, reference: string) =>
    (
      await get<{
        transactions: { id: string; description: string | null; reference: string | null }[]
      }>(`/api/v1/partner/accounts/${authId}/transactions?per_page=100`)
    ).transactions.filter(
      (t) =>
        t.description?.includes(reference) === true || t.reference?.includes(reference) === true,
    )

  it('a lost reply resolved from the documented row whose description holds the PD- reference', async () => {
    const fetch = rewritingFetch()
    const { app, customer } = await ready(fetch)
    const before = await customerBalance(customer)
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer, amount: '11' }),
    )
    const [row, ...more] = await rowWith(customer, done.reference)
    expect(more).toEqual([])
    // The sandbox's row: the reference in `description`, the transfer's id in `reference`.
    expect(row!.description).toBe(`Partner Desk top-up [${done.reference}]`)
    expect(row!.reference).not.toContain(done.reference)
    expect(done).toEqual({
      // A recovered transfer is known by its ledger row's `id` (rows have no transaction_id).
      transactionId: row!.id,
      authId: customer,
      amount: '11.00000',
      currency: 'INR',
      reference: done.reference,
      partnerBalanceAfter: null,
      customerBalanceAfter: null,
      recovered: true,
    })
    expect(transfersSent(fetch)).toHaveLength(1)
    expect(units(await customerBalance(customer))).toBe(units(before) + 1_100_000n)
    await expect
      .poll(async () => (await history(app)).map((r) => [r.reference, r.transactionId, r.outcome]))
      .toEqual([[done.reference, row!.id, 'recovered']])
  })

  it('a lost reply resolved from the documented row whose reference field holds the PD- reference', async () => {
    // A Vobiz that copies the reference into `reference` and words the description its own way.
    const fetch = rewritingFetch(({ path }, body) => {
      if (!path.endsWith('/transactions')) return body
      const ledger = body as { transactions: { description: string | null }[] }
      return {
        ...ledger,
        transactions: ledger.transactions.map((row) => {
          const reference = /\[(PD-[0-9A-F]{12})\]/.exec(row.description ?? '')?.[1]
          return reference ? { ...row, description: 'Balance transfer', reference } : row
        }),
      }
    })
    const { app, customer } = await ready(fetch)
    const before = await customerBalance(customer)
    suite.api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    const done = await valueOf<TransferResult>(
      app.invoke('transfers:create', { authId: customer, amount: '12' }),
    )
    const [row, ...more] = await rowWith(customer, done.reference)
    expect(more).toEqual([])
    expect(done).toEqual({
      transactionId: row!.id,
      authId: customer,
      amount: '12.00000',
      currency: 'INR',
      reference: done.reference,
      partnerBalanceAfter: null,
      customerBalanceAfter: null,
      recovered: true,
    })
    // The app read the ledger as rewritten: only `reference` held the PD- reference there.
    expect(
      fetch.seen.some((r) => r.path === `/api/v1/partner/accounts/${customer}/transactions`),
    ).toBe(true)
    expect(transfersSent(fetch)).toHaveLength(1)
    expect(units(await customerBalance(customer))).toBe(units(before) + 1_200_000n)
    await expect
      .poll(async () => (await history(app)).map((r) => [r.reference, r.transactionId, r.outcome]))
      .toEqual([[done.reference, row!.id, 'recovered']])
  })
})
