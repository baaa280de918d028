import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

/** The Electron binary, if this machine has one (it cannot be downloaded everywhere). */
function electronBinary(): string | null {
  const pkg = join(process.cwd(), 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron'
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const candidate = override ? join(override, relative) : join(pkg, 'dist', relative)
  return existsSync(candidate) ? candidate : null
}

const binary = electronBinary()
const skipReason =
  'No Electron binary on this machine (node_modules/electron/dist is empty and ELECTRON_OVERRIDE_DIST_PATH is unset); ' +
  'the real app is covered here through the web bridge instead.'

test.describe('the real Electron app', () => {
  test.skip(!binary, skipReason)
  if (!binary) console.log(`[electron spec skipped] ${skipReason}`)

  test('opens on sign-in, signs in to the sandbox and keeps the session after a restart', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'partner-desk-electron-'))
    const launch = () =>
      electron.launch({
        executablePath: binary!,
        args: ['.'],
        env: { ...process.env, PARTNER_DESK_USER_DATA: userData },
      })
    let app = await launch()
    let page = await app.firstWindow()
    // No Node in the page: only the contract's bridge object.
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof (globalThis as { partnerDesk?: unknown }).partnerDesk,
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' })
    // Served from the app's own scheme, never file://.
    expect(page.url()).toBe('app://partner-desk/index.html')
    expect(await page.evaluate(() => (globalThis as { origin?: string }).origin)).toBe(
      'app://partner-desk',
    )

    await page.getByRole('button', { name: 'Try the sandbox' }).click()
    await expect(page.getByTestId('partner-auth-id')).toContainText('PA_SANDBOX1')
    await app.close()

    app = await launch()
    page = await app.firstWindow()
    await expect(page.getByTestId('partner-auth-id')).toContainText('PA_SANDBOX1')
    await app.close()
  })
})
