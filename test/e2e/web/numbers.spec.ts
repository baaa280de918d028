import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunningSandbox } from '../../../electron/sandbox'
import { formatPhone } from '../../../shared/phone-format'
import { gridRows, parseCsv } from '../support/customers'
import { accountOf, openApiCustomers } from '../support/drawer'
import { vobiz } from '../support/vobiz'
import {
  expect,
  expectAccessible,
  FROZEN_NOW,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

type WireNumber = { e164: string; account_id: string; status: string }
const allNumbers = async (api: RunningSandbox) =>
  (await vobiz<{ items: WireNumber[] }>(api, '/api/v1/partner/numbers?per_page=100')).items

test.describe('numbers and a customer’s usage', () => {
  test('the Numbers screen: owners, search, status filter and the CSV export', async ({
    page,
    bridge,
    api,
  }) => {
    const numbers = await allNumbers(api)
    expect(numbers.length).toBeGreaterThan(10)
    await openApiCustomers(page, bridge, api)
    await page.getByRole('button', { name: 'Numbers', exact: true }).click()
    const count = page.getByTestId('numbers-count')
    await expect(count).toHaveText(`${numbers.length} of ${numbers.length} numbers`)
    await expect(page.getByText('done in the Vobiz Console')).toBeVisible()

    // By the owner's name, as the saved customer list names them.
    const owner = numbers[0]!.account_id
    const ownerName = (await accountOf(api, owner)).name
    await page.getByLabel('Search', { exact: true }).fill(ownerName)
    const owned = numbers.filter((n) => n.account_id === owner).length
    await expect(count).toHaveText(`${owned} of ${numbers.length} numbers`)
    await page.getByLabel('Search', { exact: true }).fill('')

    const suspended = numbers.filter((n) => n.status === 'suspended').length
    await page.getByRole('combobox', { name: 'Status' }).selectOption('suspended')
    await expect(count).toHaveText(`${suspended} of ${numbers.length} numbers`)
    // Vobiz's status code, shown as a word.
    const statusText = page.locator('.number-status').first()
    await expect(statusText).toHaveText('Suspended')
    // The word fits its column, to the subpixel: not cut to "Suspend…".
    const overflow = await statusText.evaluate((text) => {
      const cell = text.parentElement!
      const room =
        cell.getBoundingClientRect().right -
        parseFloat(cell.ownerDocument.defaultView!.getComputedStyle(cell).paddingRight)
      return text.getBoundingClientRect().right - room
    })
    expect(overflow).toBeLessThanOrEqual(0)
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const status = page.getByTestId('numbers-export-status')
    await expect(status).toContainText(`Saved ${suspended} numbers to`)
    const fileName = (await status.innerText()).replace(/^.* to /, '').trim()
    const csv = parseCsv(
      (await readFile(join(bridge.dataDir, 'exports', fileName), 'utf8')).replace(/^\uFEFF/, ''),
    )
    expect(csv.length - 1).toBe(suspended)
    expect(csv.slice(1).every((row) => row[3] === 'suspended')).toBe(true)
    await page.getByRole('combobox', { name: 'Status' }).selectOption('')

    await expectAccessible(page)
    await screenshotAtSizes(page, 'numbers')
  })

  test('the drawer: a customer’s numbers and this month’s calls, then all its calls', async ({
    page,
    bridge,
    api,
  }) => {
    const owner = (await allNumbers(api))[0]!.account_id
    await page.clock.setFixedTime(FROZEN_NOW)
    await openApiCustomers(page, bridge, api)
    await page.getByLabel('Search customers').fill(owner)
    await gridRows(page).first().click()
    const drawer = page.getByTestId('customer-drawer')

    await drawer.getByText('Numbers', { exact: true }).click()
    const own = (
      await vobiz<{ items: WireNumber[] }>(api, `/api/v1/partner/accounts/${owner}/numbers`)
    ).items
    await expect(drawer.getByTestId('number-row')).toHaveCount(own.length)
    // Shown in the international format, the raw E.164 number in its tooltip.
    await expect(drawer.getByTestId('number-row').first()).toContainText(formatPhone(own[0]!.e164))

    await drawer.getByText('Usage', { exact: true }).click()
    const month = await vobiz<{ pagination: { total: number } }>(
      api,
      `/api/v1/partner/accounts/${owner}/cdrs?start_date=2026-11-01&end_date=2026-11-20`,
    )
    const usage = drawer.getByTestId('customer-usage')
    await expect(usage.locator('dd').first()).toHaveText(String(month.pagination.total))
    await expectAccessible(page)
    await screenshotBothThemes(page, 'drawer-usage-numbers', { fullPage: false })

    await usage.getByRole('button', { name: /^All calls of / }).click()
    await expect(drawer).toBeHidden()
    await expect(page.getByTestId('usage-customer')).toBeVisible()
    await page.getByRole('combobox', { name: 'Period' }).selectOption('thisMonth')
    await expect(page.getByTestId('cdr-summary')).toContainText(`${month.pagination.total} calls`)
  })
})
