import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createFileLogger } from '../../../electron/main/platform/logger'
import { createUsageCache } from '../../../electron/main/usage/usage-cache'
import { createUsageService } from '../../../electron/main/usage/usage-service'
import { makeTempDir } from '../../support/temp-dir'
import { toCdrPage } from '../../../electron/main/usage/usage-views'
import { createVobizClient, type VobizClient } from '../../../electron/main/vobiz/vobiz-client'
import { AppFailure } from '../../../shared/app-error'
import { docFixture } from '../../support/doc-fixtures'
import { sandboxSuite } from '../../support/sandbox-suite'
import { control, partnerApi } from '../sandbox/helpers'

// The Usage screen's reading of the documented replies (fixtures from
// partner-usage-and-onboarding.md) and of the sandbox over real HTTP.

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A usage service over a server that answers every request with one body; records the URLs. */
async function serving(status: number, body: unknown) {
  const urls: string[] = []
  const server = createServer((req, res) => {
    urls.push(req.url ?? '')
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  const { port } = server.address() as AddressInfo
  const client = createVobizClient({
    baseUrl: `http://127.0.0.1:${port}`,
    authId: 'PA_XXXXXXXX',
    authToken: 'usage-test-token',
    retryLimit: 0,
  })
  return { usage: serviceOf(client), urls }
}

function serviceOf(client: VobizClient) {
  const dataDir = makeTempDir()
  return createUsageService({
    session: { activeClient: async () => ({ profileId: 'p1', client }) },
    cache: createUsageCache({
      dataDir,
      logger: createFileLogger({ file: join(dataDir, 'main.log'), level: 'debug' }),
      clock: { now: () => Date.UTC(2026, 11, 2, 9) },
    }),
  })
}

describe('the documented usage replies', () => {
  it('reads the dashboard shape as analytics: totals, directions, products and days', async () => {
    const { usage, urls } = await serving(200, docFixture('dashboard').body)
    const view = await usage.analytics({ from: '2026-05-01', to: '2026-05-31' })
    expect(urls).toEqual(['/api/v1/partner/analytics?from_date=2026-05-01&to_date=2026-05-31'])
    expect(view.totals).toEqual({ calls: 1200, answered: 950, minutes: 3125.5, cost: '1406.48000' })
    expect(view.byProduct.map((p) => [p.product, p.figures.cost])).toEqual([
      ['SIP trunking', '900.00000'],
      ['Voice API', '506.48000'],
    ])
    expect(view.series[0]).toEqual({
      date: '2026-05-10',
      calls: 40,
      answered: 31,
      minutes: 102.5,
      cost: '46.13000',
    })
    expect(view.currency).toBe('INR')
  })

  it('reads a CDR page: rows, exact cost, the mixed-case summary and the paging', async () => {
    const { usage, urls } = await serving(200, docFixture('cdrs-customer').body)
    const page = await usage.cdrs({
      authId: 'MA_XXXXXXXX',
      from: '2026-05-01',
      to: '2026-05-31',
      direction: 'outbound',
      status: 'answered',
      hangupCause: 'NORMAL_CLEARING',
      minDuration: 30,
    })
    // start_date/end_date, not from_date/to_date (the page's quirk).
    expect(urls).toEqual([
      '/api/v1/partner/accounts/MA_XXXXXXXX/cdrs?page=1&per_page=100&start_date=2026-05-01&end_date=2026-05-31&call_direction=outbound&status=answered&hangup_cause=NORMAL_CLEARING&min_duration=30',
    ])
    expect(page.rows[0]).toMatchObject({
      uuid: '0b9d3c1e-5f2a-4d7b-9c8e-1a2b3c4d5e6f',
      startedAt: '2026-05-10T09:00:00Z',
      cost: '0.90000',
      billsec: 88,
    })
    expect(page.summary).toEqual({
      calls: 1,
      answered: 1,
      answerRate: 100,
      averageDuration: '88s',
      billableSeconds: 88,
      cost: '0.90000',
      lastCallAt: '2026-05-10T09:00:00Z',
    })
    expect([page.total, page.page, page.pages]).toEqual([1, 1, 1])
  })

  it('keeps every field of one call, documented or not', async () => {
    const body = { ...(docFixture('cdr-one').body as object), carrier_note: 'new field' }
    const { usage } = await serving(200, body)
    const record = await usage.cdr({ authId: 'MA_XXXXXXXX', uuid: 'abc' })
    const keys = record.fields.map(([key]) => key)
    expect(keys).toEqual(Object.keys(body))
    expect(Object.fromEntries(record.fields)).toMatchObject({
      hangup_cause: 'NORMAL_CLEARING',
      carrier_note: 'new field',
    })
  })

  it('reads a server without pagination or summary from the page alone', () => {
    const body = docFixture('cdrs-customer').body as { data: unknown[] }
    const rows = Array.from({ length: 20 }, () => body.data[0])
    const page = toCdrPage({ data: rows } as never, { page: 2, perPage: 20 })
    // A full page: at least one more row may follow.
    expect([page.page, page.perPage, page.total, page.summary]).toEqual([2, 20, 41, null])
  })
})

describe('usage from the sandbox over HTTP', () => {
  const suite = sandboxSuite({ customers: 30, seed: 5, controlEndpoints: true })
  const sandboxClient = () =>
    createVobizClient({
      baseUrl: suite.api.baseUrl,
      ...suite.api.credentials,
      retryLimit: 0,
    })

  it('filters by day: only that day’s calls, as the API counts them', async () => {
    const all = (await partnerApi(suite.api).get('/api/v1/partner/cdrs?per_page=100')).body as {
      data: { start_time: string }[]
    }
    const day = all.data[0]!.start_time.slice(0, 10)
    const ofDay = (
      (await partnerApi(suite.api).get(`/api/v1/partner/cdrs?start_date=${day}&end_date=${day}`))
        .body as { pagination: { total: number } }
    ).pagination.total
    const page = await serviceOf(sandboxClient()).cdrs({ from: day, to: day })
    expect(page.total).toBe(ofDay)
    expect(page.rows.every((r) => r.startedAt?.startsWith(day))).toBe(true)
  })

  it('out of reach, the last reading of the same query, with when it was read', async () => {
    const usage = serviceOf(sandboxClient())
    const period = { from: '2026-11-01', to: '2026-11-30' }
    const live = await usage.analytics(period)
    expect(live.savedAt).toBeNull()
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await usage.analytics(period)
    expect(saved).toEqual({ ...live, savedAt: '2026-12-02T09:00:00.000Z' })
    // Another period was never read: the failure itself.
    const other = await usage.analytics({ from: '2026-10-01', to: '2026-10-31' }).catch((e) => e)
    expect((other as AppFailure).appError.kind).toBe('offline')
    // A refusal is not "out of reach": no saved reading stands in for it.
    suite.api.setFaults([{ kind: 'status', status: 500 }])
    const refused = await usage.analytics(period).catch((e) => e)
    expect((refused as AppFailure).appError.kind).toBe('server')
  })

  it('a partner without can_view_cdrs gets a forbidden error, not an empty list', async () => {
    await control(suite.api, 'PATCH', '/partner', { can_view_cdrs: false })
    const refused = await serviceOf(sandboxClient())
      .cdrs({})
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppFailure)
    expect((refused as AppFailure).appError.kind).toBe('forbidden')
  })
})
