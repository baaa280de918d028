import type { RunningSandbox } from '../../../electron/sandbox'
import { parseMoney } from '../../../shared/money'
import { formatMoney } from '../../../shared/money-format'
import { openApiCustomers } from '../support/drawer'
import { expect, expectAccessible, screenshotAtSizes, test } from '../support/fixtures'
import { vobiz } from '../support/vobiz'

type Debit = { account_id: string; type: string; description: string | null }
type Account = { auth_id: string; name: string; cash_credits: string }

const inr = (decimal: string) => formatMoney(decimal, 'INR')

/** Every debit since `fromDate` across all customers, as Vobiz (the sandbox) lists them. */
async function debitsSince(api: RunningSandbox, fromDate: string): Promise<Debit[]> {
  const rows: Debit[] = []
  for (let page = 1; ; page++) {
    const { transactions } = await vobiz<{ transactions: Debit[] }>(
      api,
      `/api/v1/partner/transactions?transaction_type=debit&per_page=100&page=${page}&from_date=${fromDate}`,
    )
    rows.push(...transactions)
    if (transactions.length < 100) return rows
  }
}

test('the watchlist: empty wallets that spend, threshold override, snooze, top-up', async ({
  page,
  bridge,
  api,
}) => {
  // Main's clock is the real one (the sandbox's is frozen): its window of 30 days is today's.
  const fromDate = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
  const spenders = new Set((await debitsSince(api, fromDate)).map((d) => d.account_id))
  const { accounts } = await vobiz<{ accounts: Account[] }>(
    api,
    '/api/v1/partner/accounts?per_page=100',
  )
  // At 3 days of threshold and 7 of horizon, the sandbox's balances put only empty wallets that
  // spend on the list (the next lasts about four weeks).
  const empty = accounts.filter((a) => parseMoney(a.cash_credits)!.units === 0n)
  const expected = empty.filter((a) => spenders.has(a.auth_id)).map((a) => a.name)
  expect(expected.length).toBeGreaterThanOrEqual(3)

  await openApiCustomers(page, bridge, api)
  await page.getByRole('button', { name: 'Watchlist', exact: true }).click()
  await expect(page.getByTestId('watch-status')).toContainText('Spend read', { timeout: 30_000 })
  const rows = page.getByTestId('watch-row')
  await expect(rows).toHaveCount(expected.length)
  expect((await rows.locator('.watch-name').allInnerTexts()).sort()).toEqual(expected.sort())
  await expect(rows.first()).toContainText(inr('0'))
  await expect(rows.first().getByText('Empty', { exact: true })).toBeVisible()

  // A threshold of the customer's own, checked at the field before anything is saved.
  const second = rows.nth(1)
  const secondName = await second.locator('.watch-name').innerText()
  await second.getByRole('button', { name: /3 days \(default\)/ }).click()
  const form = page.getByRole('form', { name: `Threshold of ${secondName}` })
  await form.getByRole('combobox', { name: 'Threshold as' }).selectOption('amount')
  const amount = form.getByRole('textbox', { name: 'Amount (INR)' })
  await amount.fill('12,5')
  await form.getByRole('button', { name: 'Save threshold' }).click()
  await expect(amount).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Use a plain amount such as 100 or 250.50.')).toBeVisible()
  await amount.fill('250')
  await form.getByRole('button', { name: 'Save threshold' }).click()
  await expect(form).toHaveCount(0)
  await expect(
    page
      .getByTestId('watch-row')
      .filter({ hasText: secondName })
      .getByRole('button', {
        name: new RegExp(`Below ${inr('250').replace(/[.$]/g, '\\$&')}`),
      }),
  ).toBeVisible()

  // Snoozed for a week: off the list, under "Snoozed".
  const last = rows.last()
  const lastName = await last.locator('.watch-name').innerText()
  await last.getByRole('combobox', { name: `Snooze ${lastName}` }).selectOption('week')
  await expect(rows).toHaveCount(expected.length - 1)
  await expect(page.getByTestId('watch-snoozed')).toContainText('Snoozed (1)')

  await expectAccessible(page)
  await screenshotAtSizes(page, 'watchlist')
  await page.setViewportSize({ width: 1280, height: 720 })

  // One click opens the drawer's confirmed transfer; it is sent once.
  const first = rows.first()
  const firstName = await first.locator('.watch-name').innerText()
  const authId = accounts.find((a) => a.name === firstName)!.auth_id
  await first.getByRole('button', { name: 'Top up', exact: true }).click()
  const dialog = page.getByTestId('top-up-dialog')
  await dialog.getByLabel('Amount (INR)').fill('1')
  await dialog.getByRole('button', { name: 'Review transfer' }).click()
  await expect(dialog.getByTestId('top-up-summary')).toContainText(authId)
  await dialog.getByRole('button', { name: `Transfer ${inr('1')}` }).click()
  await expect(dialog.getByTestId('top-up-done')).toContainText(`${inr('1')} moved to`)
  await dialog.getByRole('button', { name: 'Done' }).click()

  const credits = (
    await vobiz<{ transactions: Debit[] }>(
      api,
      `/api/v1/partner/accounts/${authId}/transactions?per_page=100`,
    )
  ).transactions.filter((t) => t.type === 'credit' && t.description?.includes('[PD-'))
  expect(credits).toHaveLength(1)
  // Still short of runway: the balance now counts the top-up, and it is the last one.
  const toppedUp = page.getByTestId('watch-row').filter({ hasText: firstName })
  await expect(toppedUp).toContainText(inr('1'))
  await expect(toppedUp).toContainText('just now')
})
