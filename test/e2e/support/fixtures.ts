import { mkdirSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { startSandbox, type RunningSandbox } from '../../../electron/sandbox'
import { startBridgeProcess, type BridgeProcess } from './bridge-process'
import { KNOWN_SECRETS_DIR } from './run-dirs'
import { dumpRendererStorage } from './renderer-storage'
import { recordSecrets, sandboxSecrets } from './secrets-scan'

type Fixtures = {
  /** The web bridge: the real main-process handlers behind a preload stand-in. */
  bridge: BridgeProcess
  /** A separate sandbox API with known credentials, for manual sign-in. */
  api: RunningSandbox
  /** After each test: the pages' storage, dumped for the secrets scan (global-teardown.ts). */
  rendererStorage: undefined
}

export const test = base.extend<Fixtures>({
  bridge: async ({}, use) => {
    const bridge = await startBridgeProcess()
    await use(bridge)
    await bridge.stop()
  },
  api: async ({}, use) => {
    // A stopped clock: balances do not drift, so the page can be compared exactly.
    const api = await startSandbox({
      port: 0,
      customers: 50,
      seed: 7,
      now: () => FROZEN_NOW,
      controlEndpoints: true,
    })
    await use(api)
    api.setFaults([]) // a test may have left Vobiz "down": the tokens are read from its API
    recordSecrets(
      KNOWN_SECRETS_DIR,
      'api-sandbox',
      await sandboxSecrets(api.baseUrl, api.credentials),
    )
    await api.close()
  },
  rendererStorage: [
    async ({ context, page: _page }, use, testInfo) => {
      // Asking for the page keeps it open until the dump (its sessionStorage dies with it).
      await use(undefined)
      await dumpRendererStorage(context, testInfo.testId)
    },
    { auto: true },
  ],
})
export { expect }

export const FROZEN_NOW = Date.parse('2026-11-20T10:00:00Z')

export const SCREENSHOT_DIR = 'test-results/screenshots'

/**
 * A screenshot in the light and the dark theme, kept as a test artifact: the full page, or the
 * window as a person sees it (`fullPage: false`, for the drawer, which is fixed to the window).
 * `mask` covers elements that must not be in a picture (a revealed token).
 */
export async function screenshotBothThemes(
  page: Page,
  name: string,
  options: { fullPage?: boolean; mask?: Locator[] } = {},
): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({
      path: `${SCREENSHOT_DIR}/${name}-${colorScheme}.png`,
      fullPage: options.fullPage ?? true,
      ...(options.mask ? { mask: options.mask } : {}),
    })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** screenshotBothThemes at the two laptop/desktop sizes every screen is looked at in. */
export async function screenshotAtSizes(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size)
    await screenshotBothThemes(page, `${name}-${size.width}`)
  }
}

/** axe in both themes: no serious or critical violations. */
export async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const { violations } = await new AxeBuilder({ page }).analyze()
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(
      blocking.map(
        (v) => `${colorScheme}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
