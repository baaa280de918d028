import type { Settings } from '../../../shared/customers'
import {
  bridgeInvoke,
  bridgeSandboxUrl,
  gridRows,
  openSandboxCustomers,
  setSandboxFaults,
} from '../support/customers'
import { expect, expectAccessible, screenshotBothThemes, test } from '../support/fixtures'

test.describe('live balances', () => {
  test('the partner balance moves in the header, the customer balance in the drawer', async ({
    page,
    bridge,
  }) => {
    test.setTimeout(90_000)
    // The sandbox Try the sandbox starts runs on the real clock: its balances drift every second.
    await openSandboxCustomers(page, bridge)
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Read the partner balance every (seconds)').fill('10')
    await page.getByRole('form', { name: 'Balances' }).getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(
        async () => (await bridgeInvoke<Settings>(bridge, 'settings:get')).balanceRefreshSeconds,
      )
      .toBe(10)
    await nav.getByRole('button', { name: 'Customers' }).click()
    const amount = page.getByTestId('partner-balance')
    const first = await amount.innerText()
    // The next scheduled reading (≤ 30 s with the old interval, then every 10 s).
    await expect(amount).not.toHaveText(first, { timeout: 45_000 })
    await expect(page.getByTestId('balance-change').first()).toBeVisible()
    await expect(
      page.getByRole('img', { name: /Balance over this session, \d+ readings/ }),
    ).toBeVisible()

    await gridRows(page).nth(1).click()
    const drawer = page.getByTestId('customer-drawer')
    const live = drawer.getByTestId('customer-balance-amount')
    await expect(drawer.getByText(/Refreshed every 10 s/)).toBeVisible()
    const opened = await live.innerText()
    await expect(live).not.toHaveText(opened, { timeout: 15_000 })
    await expect(drawer.getByTestId('balance-change')).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'balance-drawer', { fullPage: false })
    await page.keyboard.press('Escape')
    await screenshotBothThemes(page, 'balance-header')
  })

  test('a warning below the partner threshold, and stale when Vobiz stops answering', async ({
    page,
    bridge,
  }) => {
    await openSandboxCustomers(page, bridge)
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Partner balance warning under').fill('99999999')
    await page.getByRole('form', { name: 'Balances' }).getByRole('button', { name: 'Save' }).click()
    await nav.getByRole('button', { name: 'Customers' }).click()
    await expect(page.getByTestId('partner-low-balance')).toContainText('top up the partner wallet')

    const before = await page.getByTestId('partner-balance').innerText()
    await setSandboxFaults(await bridgeSandboxUrl(bridge), [{ kind: 'drop' }])
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await expect(page.getByTestId('balance-stale')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByTestId('partner-balance')).toHaveText(before)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'balance-stale-low', { fullPage: false })
  })
})
