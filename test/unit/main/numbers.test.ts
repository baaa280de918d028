import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger } from '../../../electron/main/platform/logger'
import {
  createNumbersService,
  toPhoneNumberView,
} from '../../../electron/main/usage/numbers-service'
import { createUsageCache } from '../../../electron/main/usage/usage-cache'
import { createVobizClient } from '../../../electron/main/vobiz/vobiz-client'
import { numberListSchema } from '../../../shared/vobiz-usage'
import { docFixture } from '../../support/doc-fixtures'
import { createExportFolder } from '../../support/export-folder'
import { sandboxSuite } from '../../support/sandbox-suite'
import { partnerApi } from '../sandbox/helpers'

// Phone numbers: the documented Number read into the view, and the sandbox over real HTTP
// (a customer's numbers, search, the CSV export of every page).

type WireNumber = { e164: string; account_id: string }

describe('phone numbers', () => {
  const suite = sandboxSuite({ customers: 120, seed: 9 })

  async function service() {
    const dataDir = await mkdtemp(join(tmpdir(), 'pd-numbers-'))
    const saveFile = createExportFolder(dataDir)
    const client = createVobizClient({
      baseUrl: suite.api.baseUrl,
      ...suite.api.credentials,
      retryLimit: 0,
    })
    const logger = createFileLogger({ file: join(dataDir, 'main.log'), level: 'debug' })
    const clock = { now: () => Date.UTC(2026, 11, 2, 9) }
    const numbers = createNumbersService({
      session: { activeClient: async () => ({ profileId: 'p1', client }) },
      cache: createUsageCache({ dataDir, logger, clock }),
      saveFile,
      clock: { now: () => Date.UTC(2026, 11, 2, 9) },
      logger: createFileLogger({ file: join(dataDir, 'main.log'), level: 'debug' }),
      accountName: async (authId) => `Name of ${authId}`,
    })
    return { numbers, saveFile }
  }
  const allFromApi = async (): Promise<WireNumber[]> => {
    const out: WireNumber[] = []
    for (let page = 1; ; page++) {
      const body = (
        await partnerApi(suite.api).get(`/api/v1/partner/numbers?per_page=100&page=${page}`)
      ).body as { items: WireNumber[] }
      out.push(...body.items)
      if (body.items.length < 100) return out
    }
  }

  it('reads the documented Number: exact fees, capabilities that are on, the billing date', () => {
    const wire = numberListSchema.parse(docFixture('numbers').body).items[0]!
    expect(toPhoneNumberView(wire)).toEqual({
      e164: '+918012345678',
      authId: 'MA_XXXXXXXX',
      country: 'IN',
      region: 'Karnataka',
      status: 'active',
      capabilities: ['voice'],
      monthlyFee: '500.00000',
      setupFee: '0.00000',
      currency: 'INR',
      purchasedAt: '2026-01-05T10:00:00Z',
      nextBillingDate: '2026-06-05',
    })
  })

  it('lists one customer’s numbers, and searches by part of the number', async () => {
    const { numbers } = await service()
    const all = await allFromApi()
    const owner = all[0]!.account_id
    const mine = await numbers.page({ authId: owner })
    expect(mine.numbers.map((n) => n.e164)).toEqual(
      all.filter((n) => n.account_id === owner).map((n) => n.e164),
    )
    const part = all[1]!.e164.slice(5, 9)
    const found = await numbers.page({ search: part })
    expect(found.total).toBe(all.filter((n) => n.e164.includes(part)).length)
    expect(found.numbers.every((n) => n.e164.includes(part))).toBe(true)
  })

  it('exports every page as one CSV with the owners’ names, formula-safe', async () => {
    const { numbers, saveFile } = await service()
    const all = await allFromApi()
    expect(all.length).toBeGreaterThan(100)
    const saved = await numbers.exportCsv({ text: '', status: '', capability: '' })
    expect(saved).toMatchObject({ saved: true, count: all.length })
    expect(saveFile.titles).toEqual(['Export numbers'])
    const text = await readFile(join(saveFile.dir, saved.fileName!), 'utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Number,Customer,Account,Status,Country,Region,Capabilities,Monthly fee,Setup fee,Currency,Next billing date,Purchased',
    )
    expect(lines.length - 1).toBe(all.length)
    // An E.164 number starts with "+": defused so a spreadsheet does not read a formula.
    expect(lines[1]!.startsWith(`'${all[0]!.e164},Name of ${all[0]!.account_id},`)).toBe(true)

    // The screen's filter, applied in main over every page.
    const suspended = all.filter(
      (n) => (n as WireNumber & { status: string }).status === 'suspended',
    )
    expect(suspended.length).toBeGreaterThan(0)
    const narrowed = await numbers.exportCsv({ text: '', status: 'suspended', capability: '' })
    expect(narrowed.count).toBe(suspended.length)
    const named = await numbers.exportCsv({
      text: `name of ${all[0]!.account_id}`,
      status: '',
      capability: '',
    })
    expect(named.count).toBe(all.filter((n) => n.account_id === all[0]!.account_id).length)
  })
})
