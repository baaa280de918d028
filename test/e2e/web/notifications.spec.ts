import type { RunningSandbox } from '../../../electron/sandbox'
import { openApiCustomers } from '../support/drawer'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'
import { vobiz } from '../support/vobiz'

type Debit = { account_id: string; currency: string }
type Account = {
  auth_id: string
  name: string
  cash_credits: string
  pricing_tier?: { currency?: string } | null
}

/** Customers spending in their wallet's currency within the watchlist's 30 days. */
async function spenders(api: RunningSandbox): Promise<Set<string>> {
  // Main's clock is the real one (the sandbox's is frozen): its window of 30 days is today's.
  const fromDate = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)
  const found = new Set<string>()
  for (let page = 1; ; page++) {
    const { transactions } = await vobiz<{ transactions: Debit[] }>(
      api,
      `/api/v1/partner/transactions?transaction_type=debit&per_page=100&page=${page}&from_date=${fromDate}`,
    )
    for (const d of transactions) found.add(`${d.account_id} ${d.currency}`)
    if (transactions.length < 100) return found
  }
}

const SYNC = '/__bridge/ipc/customers%3Async'

test('the notification centre: one alert per crossing, which opens the customer', async ({
  page,
  bridge,
  api,
}) => {
  // Two syncs, two spend reads, axe twice and eight screenshots on a shared machine.
  test.setTimeout(240_000)
  await openApiCustomers(page, bridge, api)
  await page.getByRole('button', { name: 'Watchlist', exact: true }).click()
  await expect(page.getByTestId('watch-status')).toContainText('Spend read', { timeout: 30_000 })
  const listed = new Set(await page.getByTestId('watch-row').locator('.watch-name').allInnerTexts())
  // What needed attention before is the baseline: no alert for it.
  const bell = page.getByTestId('notification-bell')
  await expect(bell).toBeVisible()
  await expect(page.getByTestId('notification-unread')).toHaveCount(0)

  // A healthy customer that spends empties its wallet on calls (in the sandbox).
  const spending = await spenders(api)
  const { accounts } = await vobiz<{ accounts: Account[] }>(
    api,
    '/api/v1/partner/accounts?per_page=100',
  )
  const customer = accounts.find(
    (a) =>
      spending.has(`${a.auth_id} ${a.pricing_tier?.currency}`) &&
      Number(a.cash_credits) > 100 &&
      !listed.has(a.name),
  )!
  expect(customer).toBeDefined()
  api.spend(customer.auth_id, customer.cash_credits)

  // The sync runs: one alert.
  await page.getByRole('button', { name: 'Customers', exact: true }).click()
  const synced = page.waitForResponse((r) => r.url().endsWith(SYNC))
  await page.getByRole('button', { name: 'Refresh customers' }).click()
  await synced
  await expect(page.getByTestId('notification-unread')).toHaveText('1 unread')
  await bell.click()
  const centre = page.getByTestId('notification-centre')
  const entries = centre.getByTestId('notification-entry')
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText(`${customer.name} needs attention`)
  await expect(entries.first()).toContainText('Below its threshold')
  await screenshotAtSizes(page, 'notification-centre')
  await page.setViewportSize({ width: 1280, height: 720 })
  await expectAccessible(page)

  // The notification settings are a group of the Settings screen.
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(centre).toHaveCount(0)
  await expect(page.getByRole('form', { name: 'Notification settings' })).toBeVisible()
  await screenshotBothThemes(page, 'notification-settings-1280', { fullPage: false })

  // The settings check each field before saving.
  const form = page.getByRole('form', { name: 'Notification settings' })
  await form.getByRole('checkbox', { name: 'Quiet hours' }).check()
  const from = form.getByRole('textbox', { name: 'From' })
  await from.fill('25:00')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(from).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Use a time such as 22:00 (24-hour).')).toBeVisible()
  await from.fill('07:00')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByText('Start and end must differ.')).toBeVisible()
  await from.fill('22:30')
  await form.getByRole('checkbox', { name: 'Quiet hours' }).uncheck()
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved.')
  await expectAccessible(page)

  // The alert opens that customer's drawer, from another section too, and is read.
  await page.getByRole('button', { name: 'Watchlist', exact: true }).click()
  await bell.click()
  await entries.first().click()
  const drawer = page.getByTestId('customer-drawer')
  await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(customer.name)
  await expect(page.getByTestId('notification-unread')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)

  // A second sync: still below the threshold, no second alert.
  const again = page.waitForResponse((r) => r.url().endsWith(SYNC))
  await page.getByRole('button', { name: 'Refresh customers' }).click()
  await again
  await bell.click()
  await expect(entries).toHaveCount(1)
  await expect(page.getByTestId('notification-unread')).toHaveCount(0)
})
