import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExportProgress } from '../../../shared/usage'
import { signInTo, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'
import { partnerApi } from '../sandbox/helpers'

// The streamed call-record export: every page into one CSV, progress per page, and on a cancel
// or a failure no file at all (not even the temp one).

const NOW = Date.parse('2026-11-20T10:00:00Z')
const suite = sandboxSuite({ customers: 40, seed: 3, now: () => NOW })

async function ready() {
  const dataDir = makeTempDir()
  const app = suite.open(dataDir)
  await signInTo(app, suite.api)
  await syncNow(app)
  return { app, exports: join(dataDir, 'exports') }
}
type App = Awaited<ReturnType<typeof ready>>['app']

/** Every progress event until the export ends, and the last one. */
function watch(app: App) {
  const seen: ExportProgress[] = []
  const ended = new Promise<ExportProgress>((resolve) =>
    app.on('usage:exportProgress', (p) => {
      seen.push(p)
      if (p.state !== 'running') resolve(p)
    }),
  )
  const firstPage = new Promise<void>((resolve) =>
    app.on('usage:exportProgress', (p) => p.state === 'running' && resolve()),
  )
  return { seen, ended, firstPage }
}

describe('call record export', () => {
  it('writes every matching call, page by page, into one formula-safe CSV', async () => {
    const { app, exports } = await ready()
    const total = (
      (await partnerApi(suite.api).get('/api/v1/partner/cdrs?start_date=2026-11-01')).body as {
        pagination: { total: number }
      }
    ).pagination.total
    expect(total).toBeGreaterThan(250)
    const { seen, ended } = watch(app)
    expect(await valueOf(app.invoke('usage:exportCdrs', { from: '2026-11-01' }))).toEqual({
      started: true,
    })
    const last = await ended
    expect(last).toMatchObject({ state: 'done', done: total, total })
    const running = seen.filter((p) => p.state === 'running').map((p) => p.done)
    expect(running).toEqual(
      Array.from({ length: Math.ceil(total / 100) }, (_, i) => Math.min(total, (i + 1) * 100)),
    )
    expect(await readdir(exports)).toEqual([last.fileName])
    const lines = (await readFile(join(exports, last.fileName!), 'utf8')).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      '\uFEFFStarted,Customer,Account,Direction,From,To,Duration (s),Billed (s),Hangup cause,Cost,Currency,Call UUID',
    )
    expect(lines).toHaveLength(total + 1)
    // "+91…" would be a formula in a spreadsheet: defused.
    expect(lines[1]!.split(',')[4]).toMatch(/^'\+91\d+$/)
  })

  it('a cancel between pages leaves no file', async () => {
    const { app, exports } = await ready()
    suite.api.setFaults([{ kind: 'latency', ms: 150, path: '/cdrs' }])
    const { ended, firstPage } = watch(app)
    await valueOf(app.invoke('usage:exportCdrs', {}))
    await firstPage
    expect(await valueOf(app.invoke('usage:cancelExport', {}))).toEqual({ cancelled: true })
    const last = await ended
    expect(last.state).toBe('cancelled')
    expect(await readdir(exports)).toEqual([])
  })

  it('a failure part-way removes the file and says so; one export at a time', async () => {
    const { app, exports } = await ready()
    const { ended, firstPage } = watch(app)
    suite.api.setFaults([{ kind: 'latency', ms: 100, path: '/cdrs', times: 1 }])
    await valueOf(app.invoke('usage:exportCdrs', {}))
    expect(await app.invoke('usage:exportCdrs', {})).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    })
    await firstPage
    suite.api.setFaults([{ kind: 'status', status: 500, path: '/cdrs' }])
    const last = await ended
    expect(last).toMatchObject({ state: 'failed' })
    expect(last.message).toContain('removed')
    expect(await readdir(exports)).toEqual([])
  })
})
