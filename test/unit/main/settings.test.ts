import { afterEach, describe, expect, it } from 'vitest'
import type { Settings } from '../../../shared/customers'
import { createAppHarness } from '../../support/app-harness'
import { createConfStore } from '../../support/conf-store'
import { valueOf } from '../../support/customers'
import { makeTempDir } from '../../support/temp-dir'

const apps: ReturnType<typeof createAppHarness>[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
})
const open = (dir: string) => {
  const app = createAppHarness(dir)
  apps.push(app)
  return app
}

describe('settings', () => {
  it('starts with a low-balance threshold of 100 and keeps a new one across restarts', async () => {
    const dir = makeTempDir()
    const app = open(dir)
    expect(await valueOf<Settings>(app.invoke('settings:get', {}))).toEqual({
      lowBalanceThreshold: '100',
      clipboardClearSeconds: 30,
    })
    expect(
      await valueOf<Settings>(app.invoke('settings:set', { lowBalanceThreshold: '250.5' })),
    ).toEqual({ lowBalanceThreshold: '250.5', clipboardClearSeconds: 30 })
    expect(
      await valueOf<Settings>(app.invoke('settings:set', { clipboardClearSeconds: 120 })),
    ).toEqual({ lowBalanceThreshold: '250.5', clipboardClearSeconds: 120 })
    // An empty patch changes nothing.
    expect(await valueOf<Settings>(app.invoke('settings:set', {}))).toEqual({
      lowBalanceThreshold: '250.5',
      clipboardClearSeconds: 120,
    })
    await app.close()
    expect(await valueOf<Settings>(open(dir).invoke('settings:get', {}))).toEqual({
      lowBalanceThreshold: '250.5',
      clipboardClearSeconds: 120,
    })
  })

  it('refuses a threshold that is not a plain amount, and unknown settings', async () => {
    const app = open(makeTempDir())
    for (const bad of ['-5', '1e3', '12.345678', 'abc', '']) {
      expect(await app.invoke('settings:set', { lowBalanceThreshold: bad })).toMatchObject({
        ok: false,
        error: { kind: 'validation', fields: { lowBalanceThreshold: expect.any(String) } },
      })
    }
    for (const bad of [9, 121, 30.5, '30']) {
      expect(await app.invoke('settings:set', { clipboardClearSeconds: bad })).toMatchObject({
        ok: false,
        error: { kind: 'validation', fields: { clipboardClearSeconds: expect.any(String) } },
      })
    }
    expect(await app.invoke('settings:set', { theme: 'dark' })).toMatchObject({ ok: false })
    expect(await valueOf<Settings>(app.invoke('settings:get', {}))).toEqual({
      lowBalanceThreshold: '100',
      clipboardClearSeconds: 30,
    })
  })

  it('falls back to the default when the stored value is damaged', async () => {
    const dir = makeTempDir()
    createConfStore(dir).set('settings', { lowBalanceThreshold: 42, clipboardClearSeconds: 5 })
    expect(await valueOf<Settings>(open(dir).invoke('settings:get', {}))).toEqual({
      lowBalanceThreshold: '100',
      clipboardClearSeconds: 30,
    })
    // One damaged value does not take the others with it.
    createConfStore(dir).set('settings', { lowBalanceThreshold: '250', clipboardClearSeconds: 'x' })
    expect(await valueOf<Settings>(open(dir).invoke('settings:get', {}))).toEqual({
      lowBalanceThreshold: '250',
      clipboardClearSeconds: 30,
    })
  })
})
