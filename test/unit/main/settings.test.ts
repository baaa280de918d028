import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/customers'
import { createConfStore } from '../../support/conf-store'
import { signInTo, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

const suite = sandboxSuite({ customers: 5, seed: 2 })
const get = (app: ReturnType<typeof suite.open>) =>
  valueOf<Settings>(app.invoke('settings:get', {}))
const set = (app: ReturnType<typeof suite.open>, patch: Record<string, unknown>) =>
  app.invoke('settings:set', patch)

describe('settings', () => {
  it('starts from the defaults and keeps new values across restarts', async () => {
    const dir = makeTempDir()
    const app = suite.open(dir)
    expect(await get(app)).toEqual({
      lowBalanceThreshold: '100',
      lowBalanceThresholds: {},
      partnerLowBalanceThreshold: '1000',
      balanceRefreshSeconds: 30,
      clipboardClearSeconds: 30,
      runwayThresholdDays: 3,
      runwayHorizonDays: 7,
      customerColumns: { hidden: [], widths: {} },
      notificationsEnabled: true,
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
      closeToTray: false,
    })
    await valueOf(set(app, { lowBalanceThreshold: '250.5', clipboardClearSeconds: 120 }))
    await valueOf(set(app, { balanceRefreshSeconds: 60, lowBalanceThresholds: { USD: '5' } }))
    // An empty patch changes nothing.
    expect(await valueOf<Settings>(set(app, {}))).toEqual({
      ...DEFAULT_SETTINGS,
      lowBalanceThreshold: '250.5',
      lowBalanceThresholds: { USD: '5' },
      clipboardClearSeconds: 120,
      balanceRefreshSeconds: 60,
    })
    await app.close()
    expect(await get(suite.open(dir))).toEqual({
      ...DEFAULT_SETTINGS,
      lowBalanceThreshold: '250.5',
      lowBalanceThresholds: { USD: '5' },
      clipboardClearSeconds: 120,
      balanceRefreshSeconds: 60,
    })
  })

  it('keeps the thresholds per partner profile; the rest app-wide', async () => {
    const app = suite.open(makeTempDir())
    await valueOf(set(app, { lowBalanceThreshold: '5', clipboardClearSeconds: 15 }))
    const first = await signInTo(app, suite.api)
    // Signed in: the profile starts from the app-wide values.
    expect((await get(app)).lowBalanceThreshold).toBe('5')
    await valueOf(set(app, { lowBalanceThreshold: '700', partnerLowBalanceThreshold: '50000' }))
    // Signed out of it: the app-wide value again, and the profile's own is not lost.
    await valueOf(app.invoke('session:signOut', { profileId: first }))
    expect(await get(app)).toMatchObject({
      lowBalanceThreshold: '5',
      partnerLowBalanceThreshold: '1000',
      clipboardClearSeconds: 15,
    })
    await signInTo(app, suite.api)
    expect(await get(app)).toMatchObject({
      lowBalanceThreshold: '700',
      partnerLowBalanceThreshold: '50000',
      clipboardClearSeconds: 15,
    })
  })

  it("keeps the customer table's columns per profile", async () => {
    const app = suite.open(makeTempDir())
    const first = await signInTo(app, suite.api)
    const layout = { hidden: ['phone', 'authId'], widths: { name: 240, email: 60 } }
    expect(await valueOf<Settings>(set(app, { customerColumns: layout }))).toMatchObject({
      customerColumns: layout,
    })
    await valueOf(app.invoke('session:signOut', { profileId: first }))
    expect((await get(app)).customerColumns).toEqual(DEFAULT_SETTINGS.customerColumns)
    await signInTo(app, suite.api)
    expect((await get(app)).customerColumns).toEqual(layout)
  })

  it('refuses a column layout outside its rules', async () => {
    const app = suite.open(makeTempDir())
    for (const bad of [
      { hidden: ['nickname'], widths: {} },
      { hidden: [], widths: { name: 59 } },
      { hidden: [], widths: { name: 641 } },
      { hidden: [], widths: { name: 100.5 } },
      { hidden: [], widths: { nickname: 100 } },
      // Every column hidden: a table needs one.
      {
        hidden: [
          'name',
          'company',
          'email',
          'phone',
          'authId',
          'balance',
          'kycStatus',
          'status',
          'createdAt',
        ],
        widths: {},
      },
    ]) {
      expect(await set(app, { customerColumns: bad })).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      })
    }
    expect(await get(app)).toEqual(DEFAULT_SETTINGS)
  })

  it('refuses values outside their rules, and unknown settings, changing nothing', async () => {
    const app = suite.open(makeTempDir())
    for (const [field, bad] of [
      ['lowBalanceThreshold', '-5'],
      ['lowBalanceThreshold', '1e3'],
      ['lowBalanceThreshold', '12.345678'],
      ['partnerLowBalanceThreshold', 'abc'],
      ['partnerLowBalanceThreshold', ''],
      ['clipboardClearSeconds', 9],
      ['clipboardClearSeconds', 121],
      ['clipboardClearSeconds', 30.5],
      ['balanceRefreshSeconds', 5],
      ['balanceRefreshSeconds', '30'],
    ] as const) {
      expect(await set(app, { [field]: bad })).toMatchObject({
        ok: false,
        error: { kind: 'validation', fields: { [field]: expect.any(String) } },
      })
    }
    expect(await set(app, { theme: 'dark' })).toMatchObject({ ok: false })
    expect(await get(app)).toEqual(DEFAULT_SETTINGS)
  })

  it('falls back to the default for each damaged value on its own', async () => {
    const dir = makeTempDir()
    createConfStore(dir).set('settings', { lowBalanceThreshold: 42, clipboardClearSeconds: 5 })
    expect(await get(suite.open(dir))).toEqual(DEFAULT_SETTINGS)
    createConfStore(dir).set('settings', { lowBalanceThreshold: '250', clipboardClearSeconds: 'x' })
    expect(await get(suite.open(dir))).toEqual({ ...DEFAULT_SETTINGS, lowBalanceThreshold: '250' })
  })
})
