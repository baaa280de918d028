import { formatMoney } from '../../../shared/money-format'
import type { SessionState } from '../../../shared/ipc-contract'
import { bridgeInvoke, cachedCustomers, openSandboxCustomers } from '../support/customers'
import { expect, expectAccessible, screenshotAtSizes, test } from '../support/fixtures'

const count = (n: number) => new Intl.NumberFormat('en-US').format(n)
const customers = (n: number) => `${count(n)} ${n === 1 ? 'customer' : 'customers'}`
/** Exact sum of 5-decimal balance strings, as scaled integers (an oracle apart from the app's). */
const sum = (balances: string[]) => {
  const units = balances.reduce((total, b) => total + BigInt(b.replace('.', '')), 0n)
  const text = units.toString().padStart(6, '0')
  return `${text.slice(0, -5)}.${text.slice(-5)}`
}

test('the Overview’s customer base: figures from the synced list, each opening its filter', async ({
  page,
  bridge,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openSandboxCustomers(page, bridge)
  const { rows } = await cachedCustomers(bridge)
  // Rupees and dollars: the default threshold (100) is the rupee wallet's; dollars have none.
  expect(new Set(rows.map((row) => row.currency))).toEqual(new Set(['INR', 'USD']))
  const low = rows.filter(
    (row) => row.currency === 'INR' && row.balance !== null && Number(row.balance) < 100,
  ).length
  const pending = rows.filter((row) => row.kycStatus === 'pending').length
  expect(low).toBeGreaterThan(0)
  expect(pending).toBeGreaterThan(0)

  const sections = page.getByRole('navigation', { name: 'Sections' })
  await sections.getByRole('button', { name: 'Overview' }).click()
  // The partner card gives what the strip does not: company, email, wallet currency, status.
  const { partner } = await bridgeInvoke<SessionState>(bridge, 'session:get')
  const facts = page.getByRole('article', { name: 'Partner account' })
  await expect(facts).toContainText(`Company${partner!.company}`)
  await expect(facts).toContainText(`Email${partner!.email}`)
  await expect(facts).toContainText(`Wallet${partner!.currency}StatusActive`)
  await expect(facts).not.toContainText(partner!.name)
  const stats = page.getByTestId('customer-stats')
  const disabled = rows.filter((row) => row.enabled === false).length
  await expect(stats).toContainText(`Disabled${count(disabled)}`)
  await expect(stats).toContainText(`Low balance${count(low)}`)
  // The balances held: summed exactly per currency, never across, exact in the tooltip.
  for (const currency of ['INR', 'USD']) {
    const held = sum(rows.flatMap((row) => (row.currency === currency ? (row.balance ?? []) : [])))
    await expect(stats.getByTitle(formatMoney(held, currency), { exact: true })).toHaveText(
      formatMoney(held, currency, 'table'),
    )
  }
  await expect(page.getByText(/From the list synced just now/)).toBeVisible()
  await expectAccessible(page)
  await screenshotAtSizes(page, 'overview-customers')

  // The low-balance figure opens the customers under the threshold, and only them.
  await stats.getByRole('button', { name: `${customers(low)} under ₹100.00` }).click()
  await expect(page.getByRole('checkbox', { name: /Low balance/ })).toBeChecked()
  await expect(page.getByTestId('customers-count')).toHaveText(
    `${count(low)} of ${customers(rows.length)}`,
  )

  // A KYC status opens its customers; the search typed before is cleared.
  await page.getByRole('searchbox').fill('zzz')
  await sections.getByRole('button', { name: 'Overview' }).click()
  await stats.getByRole('button', { name: `Pending: show the ${customers(pending)}` }).click()
  await expect(page.getByRole('searchbox')).toHaveValue('')
  await expect(page.getByRole('checkbox', { name: /Low balance/ })).not.toBeChecked()
  await expect(page.getByTestId('customers-count')).toHaveText(
    `${count(pending)} of ${customers(rows.length)}`,
  )
  await expect(page.getByRole('combobox', { name: 'KYC' })).toHaveValue('pending')

  // The disabled figure opens the disabled customers.
  await sections.getByRole('button', { name: 'Overview' }).click()
  await stats
    .getByRole('button', { name: `${customers(disabled)} of ${count(rows.length)}` })
    .click()
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('disabled')
  await expect(page.getByRole('combobox', { name: 'KYC' })).toHaveValue('all')
  await expect(page.getByTestId('customers-count')).toHaveText(
    `${count(disabled)} of ${customers(rows.length)}`,
  )
})
