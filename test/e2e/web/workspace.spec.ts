import type { Settings } from '../../../shared/customers'
import {
  bridgeInvoke,
  bridgeSandboxUrl,
  cachedCustomers,
  gridRows,
  openSandboxCustomers,
  setSandboxFaults,
} from '../support/customers'
import { expect, expectAccessible, screenshotAtSizes, test } from '../support/fixtures'

import {
  SIZES,
  THEMES,
  type DomWindow,
  expectLayoutAtEverySize,
  expectStripClean,
  rowsVisible,
  scrollState,
} from '../support/layout'

test.describe('the workspace', () => {
  // Every test starts signed in to the sandbox on a 1280×720 laptop screen, on the customers.
  test.beforeEach(async ({ page, bridge }) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width: 1280, height: 720 })
    await openSandboxCustomers(page, bridge)
  })

  test('the grid fills the window; the partner strip keeps its slots in every state', async ({
    page,
    bridge,
  }) => {
    test.setTimeout(240_000)

    const counts: string[] = []
    for (const size of SIZES) {
      await page.setViewportSize(size)
      for (const colorScheme of THEMES) {
        await page.emulateMedia({ colorScheme })
        // The virtual list renders the rows for a new height on its next resize callback.
        const least = size.width === 1280 ? 12 : 16
        await expect.poll(() => rowsVisible(page)).toBeGreaterThanOrEqual(least)
        counts.push(`${size.width}×${size.height} ${colorScheme}: ${await rowsVisible(page)}`)
      }
    }
    test.info().annotations.push({ type: 'rows visible at start', description: counts.join('; ') })
    // At 1920 the grid uses the width: its right edge is near the window's.
    const grid = (await page.getByRole('grid', { name: 'Customers' }).boundingBox())!
    expect(1920 - (grid.x + grid.width)).toBeLessThanOrEqual(24)
    await expectLayoutAtEverySize(page, 'normal')

    // The balance slot does not move when the session's trend (sparkline) appears.
    await page.setViewportSize({ width: 1440, height: 900 })
    const before = (await expectStripClean(page))['balance']!
    await bridgeInvoke(bridge, 'settings:set', { balanceRefreshSeconds: 10 })
    await expect(page.getByRole('img', { name: /Balance over this session/ })).toBeVisible({
      timeout: 45_000,
    })
    await expect(page.getByText('Change · this session')).toBeVisible()
    expect((await expectStripClean(page))['balance']).toEqual(before)

    // Low: the partner threshold above any balance.
    await bridgeInvoke(bridge, 'settings:set', { partnerLowBalanceThreshold: '999999999' })
    await page.reload()
    await expect(page.getByTestId('partner-low-balance')).toContainText('top up the partner wallet')
    await expectLayoutAtEverySize(page, 'low')

    // Stale and low: Vobiz stops answering, the last reading stays.
    await setSandboxFaults(await bridgeSandboxUrl(bridge), [{ kind: 'drop' }])
    await page.getByTestId('partner-strip').getByRole('button', { name: 'Refresh' }).click()
    await expect(page.getByTestId('balance-stale')).toBeVisible({ timeout: 30_000 })
    await expectLayoutAtEverySize(page, 'stale and low')
    await expectAccessible(page)
    await page.setViewportSize({ width: 1280, height: 720 })
    await screenshotAtSizes(page, 'workspace-strip-stale-low')
  })

  test('Settings saves and the value takes effect; no copy of the setting elsewhere', async ({
    page,
    bridge,
  }) => {
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Settings' }).click()
    await expect(nav.getByRole('button', { name: 'Settings' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    const delay = page.getByLabel('Clear copied secrets after (seconds)')
    await expect(delay).toHaveValue('30')
    const clipboard = page.getByRole('form', { name: 'Clipboard' })

    // A value out of range: the field says why, nothing is saved.
    await delay.fill('5')
    await clipboard.getByRole('button', { name: 'Save' }).click()
    await expect(clipboard.getByText('At least 10 seconds.')).toBeVisible()
    await expect(delay).toHaveAttribute('aria-invalid', 'true')
    expect((await bridgeInvoke<Settings>(bridge, 'settings:get')).clipboardClearSeconds).toBe(30)

    await delay.fill('45')
    await clipboard.getByRole('button', { name: 'Save' }).click()
    await expect(clipboard.getByRole('status')).toHaveText('Saved.')
    expect((await bridgeInvoke<Settings>(bridge, 'settings:get')).clipboardClearSeconds).toBe(45)

    const threshold = page.getByLabel('Partner balance warning under')
    await threshold.fill('12.345678')
    const balances = page.getByRole('form', { name: 'Balances' })
    await balances.getByRole('button', { name: 'Save' }).click()
    await expect(balances.getByText('Use a plain amount such as 100 or 250.50.')).toBeVisible()
    await expectAccessible(page)
    await screenshotAtSizes(page, 'workspace-settings')

    // The drawer has no copy of the setting, and the copy uses the new delay.
    await nav.getByRole('button', { name: 'Customers' }).click()
    await gridRows(page).first().click()
    const drawer = page.getByTestId('customer-drawer')
    await expect(drawer.getByText('Clear copied secrets after')).toHaveCount(0)
    await drawer.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect(drawer.getByTestId('clipboard-toast')).toContainText(
      /The clipboard is cleared in (45|44) s/,
    )
    // The header has no interval select either.
    await page.keyboard.press('Escape')
    await expect(page.getByLabel('Read the partner balance every')).toHaveCount(0)
  })

  test('Ctrl+K over the drawer jumps to a customer and to a screen', async ({ page, bridge }) => {
    const { rows } = await cachedCustomers(bridge)
    expect(rows.length).toBeGreaterThan(100)

    await gridRows(page).first().click()
    const drawer = page.getByTestId('customer-drawer')
    await expect(drawer).toBeVisible()
    const opener = await page.evaluateHandle(
      () => (globalThis as unknown as DomWindow).document.activeElement,
    )

    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await expect(palette).toBeVisible()
    await expect(palette.getByRole('combobox')).toBeFocused()
    await expectAccessible(page)
    // Esc closes the palette only; the drawer stays, focus goes back where it was.
    await page.keyboard.press('Escape')
    await expect(palette).toHaveCount(0)
    await expect(drawer).toBeVisible()
    await expect
      .poll(() =>
        page.evaluate(
          (element) => (globalThis as unknown as DomWindow).document.activeElement === element,
          opener,
        ),
      )
      .toBe(true)

    // A customer far down the list (not rendered in the grid), found by its email.
    await page.keyboard.press('Control+k')
    const wanted = rows.find((row, i) => i > 100 && row.email)!
    await palette.getByRole('combobox').fill(wanted.email!)
    const option = palette.getByRole('option').filter({ hasText: wanted.authId })
    await expect(option).toHaveCount(1)
    await option.click()
    await expect(palette).toHaveCount(0)
    await expect(drawer).toBeVisible()
    await expect(drawer.getByRole('heading', { level: 2 }).first()).toHaveText(wanted.name)

    // To a screen, from over the drawer: the drawer closes with the customers screen.
    await page.keyboard.press('Control+k')
    await palette.getByRole('combobox').fill('transactions')
    await page.keyboard.press('Enter')
    await expect(palette).toHaveCount(0)
    await expect(drawer).toHaveCount(0)
    await expect(
      page.getByRole('navigation', { name: 'Sections' }).getByRole('button', {
        name: 'Transactions',
      }),
    ).toHaveAttribute('aria-current', 'page')
    await page.keyboard.press('Control+k')
    await expect(palette).toBeVisible()
    await screenshotAtSizes(page, 'workspace-palette')
  })

  test('hidden columns and widths are kept per profile across a reload', async ({
    page,
    bridge,
  }) => {
    const grid = page.getByRole('grid', { name: 'Customers' })
    const header = (name: string) => grid.getByRole('columnheader', { name })
    const nameWidth = async () => (await header('Name').boundingBox())!.width

    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('checkbox', { name: 'Phone' }).click()
    await expect(page.getByRole('checkbox', { name: 'Phone' })).not.toBeChecked()
    await expect(header('Phone')).toBeHidden()
    await page.keyboard.press('Escape')

    const resizer = grid.getByRole('separator', { name: 'Resize Auth ID' })
    const before = (await header('Auth ID').boundingBox())!.width
    await resizer.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await header('Auth ID').boundingBox())!.width).toBe(before + 16)
    // Drag the name column wider.
    const handle = (await grid.getByRole('separator', { name: 'Resize Name' }).boundingBox())!
    const nameBefore = await nameWidth()
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await page.mouse.down()
    await page.mouse.move(handle.x + 80, handle.y + handle.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect.poll(nameWidth).toBeGreaterThanOrEqual(nameBefore + 70)
    const dragged = await nameWidth()
    await expect
      .poll(async () => (await bridgeInvoke<Settings>(bridge, 'settings:get')).customerColumns)
      .toEqual({ hidden: ['phone'], widths: { authId: before + 16, name: Math.round(dragged) } })

    await page.reload()
    await expect(gridRows(page).first()).toBeVisible({ timeout: 30_000 })
    await expect(header('Phone')).toBeHidden()
    expect(Math.round(await nameWidth())).toBe(Math.round(dragged))
    expect((await header('Auth ID').boundingBox())!.width).toBe(before + 16)
    expect(await scrollState(page)).toEqual({ pageX: 0, pageY: 0, mainY: 0, mainX: 0 })
  })

  test('every screen at 1280×720 and 1920×1080, light and dark', async ({ page }) => {
    test.setTimeout(420_000)
    const nav = page.getByRole('navigation', { name: 'Sections' })
    for (const name of [
      'Customers',
      'Overview',
      'Watchlist',
      'Usage',
      'Numbers',
      'Transactions',
      'Sub-accounts',
      'KYC',
      'Activity',
      'Settings',
    ]) {
      await nav.getByRole('button', { name }).click()
      await expect(nav.getByRole('button', { name })).toHaveAttribute('aria-current', 'page')
      await expect(page.getByRole('heading', { level: 2, name }).first()).toBeVisible()
      // The screens this change built are checked here; the others in their own specs.
      if (name === 'Customers' || name === 'Overview') await expectAccessible(page)
      await page.setViewportSize({ width: 1280, height: 720 })
      // The screen scrolls inside the workspace; the page itself never does, either way.
      expect(await scrollState(page)).toMatchObject({ pageX: 0, pageY: 0 })
      await screenshotAtSizes(page, `workspace-${name.toLowerCase()}`)
      await page.setViewportSize({ width: 1280, height: 720 })
    }
    // Collapsed to icons: still named, still reachable.
    await nav.getByRole('button', { name: 'Collapse sidebar' }).click()
    await expect(nav.getByRole('button', { name: 'Customers' })).toBeVisible()
    await nav.getByRole('button', { name: 'Customers' }).focus()
    await page.keyboard.press('Enter')
    await expect(nav.getByRole('button', { name: 'Customers' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await expectAccessible(page)
    await screenshotAtSizes(page, 'workspace-collapsed')
  })
})
