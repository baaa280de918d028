import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { csvCell, customersToCsv, exportFileName } from '../../../electron/main/platform/csv'
import { CSV_COLUMNS, type CustomerRow, type RemoteSearch } from '../../../shared/customers'
import { parseCsv } from '../../e2e/support/customers'
import { createAppHarness } from '../../support/app-harness'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxApi } from '../../support/sandbox-api'
import { makeTempDir } from '../../support/temp-dir'

const row = (fields: Partial<CustomerRow>): CustomerRow => ({
  authId: 'MA_TEST0001',
  name: 'Priya Sharma',
  company: null,
  email: 'priya@example.com',
  phone: '+919812345678',
  balance: '120.50000',
  currency: 'INR',
  kycStatus: 'verified',
  enabled: true,
  active: false,
  createdAt: '2025-01-02T03:04:05.000000+00:00',
  ...fields,
})

describe('CSV', () => {
  it('quotes only what needs quoting, RFC 4180 style', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(' padded ')).toBe('" padded "')
    expect(csvCell('')).toBe('')
    expect(csvCell('Zoë Wiśniewski')).toBe('Zoë Wiśniewski')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csvCell('+1+cmd|/C calc')).toBe(`'+1+cmd|/C calc`)
    expect(csvCell('-2+3')).toBe(`'-2+3`)
    expect(csvCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`)
    expect(csvCell('\t=1')).toBe(`'\t=1`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('  =1+1')).toBe(`'  =1+1`)
    expect(csvCell('+919812345678')).toBe(`'+919812345678`)
    // Amounts stay numbers; text that merely contains the characters stays as it is.
    expect(csvCell('-12.50000')).toBe('-12.50000')
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell('user@example.com')).toBe('user@example.com')
  })

  it('writes the header and one line per row, display fields only, CRLF, with a BOM', () => {
    const csv = customersToCsv([
      row({}),
      row({ authId: 'MA_TEST0002', name: 'Acme, "Ltd"', enabled: null, balance: null }),
    ])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe(CSV_COLUMNS.map(([, label]) => label).join(','))
    expect(lines[1]).toBe(
      "Priya Sharma,,priya@example.com,'+919812345678,MA_TEST0001,120.50000,INR,verified,yes,no,2025-01-02T03:04:05.000000+00:00",
    )
    expect(parseCsv(csv.slice(1))[2]).toEqual([
      'Acme, "Ltd"',
      '',
      'priya@example.com',
      "'+919812345678",
      'MA_TEST0002',
      '',
      'INR',
      'verified',
      '',
      'no',
      '2025-01-02T03:04:05.000000+00:00',
    ])
  })

  it('names the file after the local date and time', () => {
    expect(exportFileName(new Date(2026, 4, 6, 7, 12, 40))).toBe('customers-2026-05-06-071240.csv')
  })
})

describe('export and remote search through the handlers', () => {
  let api: RunningSandbox
  const apps: ReturnType<typeof createAppHarness>[] = []
  beforeAll(async () => {
    api = await startSandbox({ port: 0, customers: 260, seed: 4 })
  })
  afterAll(() => api.close())
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()))
  })

  async function synced() {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    apps.push(app)
    await signInTo(app, api)
    await syncNow(app)
    return { dir, app }
  }

  it('exports the cached rows asked for, in that order, each once; defused', async () => {
    const evil = await sandboxApi(api).create({
      name: '=HYPERLINK("https://evil.example","click")',
      company: '@SUM(1+1)*cmd|" /C calc"!A0',
    })
    const { app, dir } = await synced()
    const rows = (await snapshot(app)).rows
    const wanted = [rows[200]!.authId, evil, rows[3]!.authId, 'MA_UNKNOWN1', rows[200]!.authId]
    const saved = await valueOf<{ saved: boolean; fileName: string }>(
      app.invoke('customers:exportCsv', { authIds: wanted }),
    )
    expect(saved.saved).toBe(true)
    expect(saved.fileName).toMatch(/^customers-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/)
    expect(readdirSync(join(dir, 'exports'))).toEqual([saved.fileName])
    const text = readFileSync(join(dir, 'exports', saved.fileName), 'utf8')
    const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, '').trimEnd())
    expect(header).toEqual(CSV_COLUMNS.map(([, label]) => label))
    expect(records.map((r) => r[4])).toEqual([rows[200]!.authId, evil, rows[3]!.authId])
    expect(records[1]![0]).toBe(`'=HYPERLINK("https://evil.example","click")`)
    expect(records[1]![1]).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`)
    const first = rows[200]!
    expect(records[0]).toEqual([
      first.name,
      first.company ?? '',
      first.email ?? '',
      first.phone ? `'${first.phone}` : '',
      first.authId,
      first.balance ?? '',
      first.currency ?? '',
      first.kycStatus ?? '',
      first.enabled ? 'yes' : 'no',
      first.active ? 'yes' : 'no',
      first.createdAt ?? '',
    ])

    // A second export of the same minute gets a name of its own.
    const again = await valueOf<{ fileName: string }>(
      app.invoke('customers:exportCsv', { authIds: [rows[0]!.authId] }),
    )
    expect(again.fileName).not.toBe(saved.fileName)
    expect(await app.invoke('customers:exportCsv', { authIds: ['MA_NOSUCH01'] })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })

  it('refuses to export or search when nobody is signed in', async () => {
    const app = createAppHarness(makeTempDir())
    apps.push(app)
    expect(await app.invoke('customers:exportCsv', { authIds: ['MA_X'] })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    })
    expect(await app.invoke('customers:searchRemote', { query: 'a' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    })
    expect(await snapshot(app)).toMatchObject({ rows: [], sync: { state: 'idle', syncedAt: null } })
  })

  it('searches with the API before the first sync', async () => {
    const dir = makeTempDir()
    const app = createAppHarness(dir)
    apps.push(app)
    await signInTo(app, api)
    const truth = sandboxApi(api)
    const target = await truth.account((await truth.authIds())[17]!)
    const found = await valueOf<RemoteSearch>(
      app.invoke('customers:searchRemote', { query: ` ${target.email.toUpperCase()} ` }),
    )
    expect(found.total).toBeGreaterThanOrEqual(1)
    const row = found.rows.find((r) => r.authId === target.auth_id)
    expect(row).toMatchObject({ name: target.name, email: target.email })
    // The same display fields as the sync gives (balances drift, so not those).
    await syncNow(app)
    const cached = (await snapshot(app)).rows.find((r) => r.authId === target.auth_id)
    expect({ ...row, balance: null }).toEqual({ ...cached, balance: null })
    const many = await valueOf<RemoteSearch>(app.invoke('customers:searchRemote', { query: 'a' }))
    expect(many.rows).toHaveLength(100)
    expect(many.total).toBeGreaterThan(100)
  })
})
