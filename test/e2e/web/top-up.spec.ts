import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RunningSandbox } from '../../../electron/sandbox'
import { parseMoney } from '../../../shared/money'
import { formatMoney } from '../../../shared/money-format'
import { gridRows, parseCsv } from '../support/customers'
import { openApiCustomers } from '../support/drawer'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

/** A documented ledger row (more-endpoints.md, Transactions): the fields the test reads. */
type Row = {
  id: string
  account_id: string
  type: 'credit' | 'debit'
  description: string | null
  reference: string | null
}

/** What Vobiz (the sandbox) says, with the partner's credentials: the test's truth. */
async function vobiz<T>(api: RunningSandbox, path: string): Promise<T> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
  })
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`)
  return (await response.json()) as T
}
const partnerBalance = async (api: RunningSandbox) =>
  (await vobiz<{ balance: string }>(api, '/api/v1/partner/me')).balance
const customerBalance = async (api: RunningSandbox, authId: string) =>
  (await vobiz<{ cash_credits: string }>(api, `/api/v1/partner/accounts/${authId}/balance`))
    .cash_credits
const ledgerOf = async (api: RunningSandbox, authId: string) =>
  (
    await vobiz<{ transactions: Row[] }>(
      api,
      `/api/v1/partner/accounts/${authId}/transactions?per_page=100`,
    )
  ).transactions

const inr = (decimal: string) => formatMoney(decimal, 'INR')
/** As a table cell shows it: the rupee's 2 decimals (the exact figure is its tooltip). */
const inrCell = (decimal: string) => formatMoney(decimal, 'INR', 'table')
const plus = (a: string, b: string) => {
  const units = parseMoney(a)!.units + parseMoney(b)!.units
  return formatMoney({ units }, 'INR')
}
const minus = (a: string, b: string) => plus(a, `-${b}`)

/** A top-up step in both themes at both sizes, then back to the test's own size. */
async function screenshotSteps(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()
  await screenshotAtSizes(page, name)
  if (size) await page.setViewportSize(size)
}

/** Opens the first customer of the table in the drawer; returns its auth id. */
async function openFirstCustomer(page: Page): Promise<string> {
  await gridRows(page).first().click()
  const drawer = page.getByTestId('customer-drawer')
  await expect(drawer).toBeVisible()
  return (await drawer.getByTestId('drawer-auth-id').innerText()).trim()
}

test.describe('top up', () => {
  test('a top-up end to end: checked, confirmed with both balances, applied once, both balances move', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const authId = await openFirstCustomer(page)
    const drawer = page.getByTestId('customer-drawer')
    const [partnerBefore, customerBefore] = [
      await partnerBalance(api),
      await customerBalance(api, authId),
    ]
    await expect(drawer.getByTestId('customer-balance-amount')).toHaveText(inr(customerBefore))

    await drawer.getByRole('button', { name: 'Top up', exact: true }).click()
    const dialog = page.getByTestId('top-up-dialog')
    // Esc closes the top-up only: the drawer below stays open.
    await expect(dialog.getByLabel('Amount (INR)')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(drawer).toBeVisible()
    await drawer.getByRole('button', { name: 'Top up', exact: true }).click()
    const amount = dialog.getByLabel('Amount (INR)')
    await expect(amount).toBeFocused()
    await expect(dialog.getByTestId('top-up-partner-balance')).toHaveText(inr(partnerBefore))
    // One partner figure at one moment: the dialog's is the header's.
    await expect(page.getByTestId('partner-balance')).toHaveText(inr(partnerBefore))
    await screenshotSteps(page, 'top-up-form')
    // Not an exact decimal: a message at the field, nothing sent.
    await amount.fill('12,50')
    await dialog.getByRole('button', { name: 'Review transfer' }).click()
    await expect(amount).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.getByText(/Enter digits only/)).toBeVisible()
    await amount.fill('250.12345')
    await dialog.getByLabel('Note').fill('Invoice 7')
    await dialog.getByRole('button', { name: 'Review transfer' }).click()

    const summary = dialog.getByTestId('top-up-summary')
    await expect(summary).toContainText(authId)
    await expect(summary).toContainText(inr('250.12345'))
    await expect(summary).toContainText(
      `${inr(partnerBefore)} → ${minus(partnerBefore, '250.12345')}`,
    )
    await expect(summary).toContainText(
      `${inr(customerBefore)} → ${plus(customerBefore, '250.12345')}`,
    )
    await expect(dialog.getByText(/permanent: Vobiz cannot reverse it/)).toBeVisible()
    expect(await ledgerOf(api, authId)).not.toContainEqual(
      expect.objectContaining({ description: expect.stringContaining('Invoice 7') }),
    )
    await expectAccessible(page)
    await screenshotSteps(page, 'top-up-confirm')

    await dialog.getByRole('button', { name: `Transfer ${inr('250.12345')}` }).click()
    const done = dialog.getByTestId('top-up-done')
    await expect(done).toContainText(`${inr('250.12345')} moved to`)
    // The result, the header and the confirmation's "after" are one figure.
    await expect(done.getByTestId('top-up-partner-now')).toHaveText(
      minus(partnerBefore, '250.12345'),
    )
    await expect(page.getByTestId('partner-balance')).toHaveText(minus(partnerBefore, '250.12345'))
    await screenshotSteps(page, 'top-up-done')
    await dialog.getByRole('button', { name: 'Done' }).click()

    // Vobiz moved it exactly once: one credit in the customer's ledger, the reference in its
    // description (the partner's own side is not a ledger row).
    const rows = (await ledgerOf(api, authId)).filter((t) =>
      t.description?.startsWith('Invoice 7 ['),
    )
    expect(rows).toEqual([expect.objectContaining({ account_id: authId, type: 'credit' })])
    expect(await customerBalance(api, authId)).toBe(
      (parseMoney(customerBefore)!.units + 25_012_345n).toString().replace(/(\d{5})$/, '.$1'),
    )
    // Both balances moved on screen.
    await expect(drawer.getByTestId('customer-balance-amount')).toHaveText(
      plus(customerBefore, '250.12345'),
    )
    await expect(page.getByTestId('partner-balance')).toHaveText(minus(partnerBefore, '250.12345'))

    // The customer's ledger in the drawer has it on top.
    await drawer.getByText('Transactions', { exact: true }).click()
    const ledger = drawer.getByTestId('customer-ledger')
    await expect(ledger.getByTestId('ledger-row').first()).toContainText('Invoice 7 [PD-')
    const amountCell = ledger.getByTestId('ledger-row').first().locator('.ledger-amount')
    await expect(amountCell).toHaveText(`+${inrCell('250.12345')}`)
    await expect(amountCell).toHaveAttribute('title', `+${inr('250.12345')}`)
    await ledger.scrollIntoViewIfNeeded()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'top-up-drawer-ledger', { fullPage: false })

    // And the app's own history, on the Transactions screen.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Transactions' }).click()
    const history = page.getByTestId('transfer-history')
    await expect(history.getByRole('row')).toHaveCount(2)
    await expect(history).toContainText('Applied')
    await expect(history).toContainText(inrCell('250.12345'))
  })

  test('disabled with the reason: no permission, an empty wallet, offline; more than the wallet is refused', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true })
    // A wallet in another currency: transfers are in the partner's (INR) only.
    const accounts = await vobiz<{ accounts: { auth_id: string }[] }>(
      api,
      '/api/v1/partner/accounts?per_page=100',
    )
    let foreign: { auth_id: string; currency: string } | null = null
    // And one in rupees, for the other reasons (with a foreign one, its currency would win).
    let rupees: string | null = null
    for (const { auth_id } of accounts.accounts) {
      const { currency } = await vobiz<{ currency: string }>(
        api,
        `/api/v1/partner/accounts/${auth_id}/balance`,
      )
      if (currency !== 'INR') foreign ??= { auth_id, currency }
      else rupees ??= auth_id
      if (foreign && rupees) break
    }
    if (!foreign || !rupees) throw new Error('the seed has no customer outside India, or inside')
    await page.getByLabel('Search customers').fill(foreign.auth_id)
    await openFirstCustomer(page)
    await expect(
      page.getByTestId('customer-drawer').getByRole('button', { name: 'Top up', exact: true }),
    ).toHaveAccessibleDescription(new RegExp(`wallet is in ${foreign.currency}`))
    await page.getByRole('button', { name: 'Close customer details' }).click()
    await page.getByLabel('Search customers').fill(rupees)
    await openFirstCustomer(page)
    const drawer = page.getByTestId('customer-drawer')
    const button = drawer.getByRole('button', { name: 'Top up', exact: true })

    api.updatePartner({ can_transfer_balance: false })
    await drawer.getByRole('button', { name: 'Close customer details' }).click()
    await refresh.click()
    await openFirstCustomer(page)
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleDescription(/may not transfer balance/)
    await button.click({ force: true })
    await expect(page.getByTestId('top-up-dialog')).toHaveCount(0)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'top-up-no-permission', { fullPage: false })

    api.updatePartner({ can_transfer_balance: true, balance: '0.00000' })
    await drawer.getByRole('button', { name: 'Close customer details' }).click()
    await refresh.click()
    await openFirstCustomer(page)
    await expect(button).toHaveAccessibleDescription(/wallet is empty/)

    api.updatePartner({ balance: '100.00000' })
    await drawer.getByRole('button', { name: 'Close customer details' }).click()
    await refresh.click()
    await openFirstCustomer(page)
    await button.click()
    const dialog = page.getByTestId('top-up-dialog')
    await dialog.getByLabel('Amount (INR)').fill('100.00001')
    await dialog.getByRole('button', { name: 'Review transfer' }).click()
    await expect(dialog.getByText(/More than the partner wallet holds/)).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // The wallet changed behind the app's back: Vobiz refuses, and the user is told at the field.
    api.updatePartner({ balance: '5.00000' })
    await button.click()
    await dialog.getByLabel('Amount (INR)').fill('50')
    await dialog.getByRole('button', { name: 'Review transfer' }).click()
    await dialog.getByRole('button', { name: /^Transfer / }).click()
    await expect(dialog.getByLabel('Amount (INR)')).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.getByText(/does not cover/)).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    api.setFaults([{ kind: 'drop' }])
    await drawer.getByRole('button', { name: 'Close customer details' }).click()
    await page.getByRole('button', { name: 'Refresh customers' }).click()
    await openFirstCustomer(page)
    await expect(button).toHaveAccessibleDescription(/needs a connection/, { timeout: 30_000 })
  })

  test('the reply is lost after Vobiz applied it: exactly one transfer, and the user is told it succeeded', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const authId = await openFirstCustomer(page)
    const before = (await ledgerOf(api, authId)).length
    await page
      .getByTestId('customer-drawer')
      .getByRole('button', { name: 'Top up', exact: true })
      .click()
    const dialog = page.getByTestId('top-up-dialog')
    await dialog.getByLabel('Amount (INR)').fill('42')
    await dialog.getByRole('button', { name: 'Review transfer' }).click()
    api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    await dialog.getByRole('button', { name: /^Transfer / }).click()
    const done = dialog.getByTestId('top-up-done')
    await expect(done).toContainText(`${inr('42')} moved to`)
    await expect(done).toContainText(
      'found the transfer in the customer’s ledger: it was applied once',
    )
    const rows = await ledgerOf(api, authId)
    expect(rows).toHaveLength(before + 1)
    expect(rows.filter((t) => t.description?.startsWith('Partner Desk top-up ['))).toEqual([
      expect.objectContaining({ account_id: authId, type: 'credit' }),
    ])
    await dialog.getByRole('button', { name: 'Done' }).click()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Transactions' }).click()
    await expect(page.getByTestId('transfer-history')).toContainText('reply lost, found in ledger')
  })

  test('the ledger screen: filters by type and dates, pages, and exports the whole filtered history', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    await page.getByRole('button', { name: 'Transactions' }).click()
    await expect(page.getByRole('button', { name: 'Transactions' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    const ledger = page.getByTestId('partner-ledger')
    const rows = ledger.getByTestId('ledger-row')
    const all = await vobiz<{ total: number }>(api, '/api/v1/partner/transactions')
    await expect(ledger.getByTestId('ledger-page')).toHaveText(
      `Page 1 of ${Math.ceil(all.total / 25)} · ${all.total} transactions`,
    )
    await expect(rows).toHaveCount(25)
    await expect(page.getByText('No top-ups have been made from Partner Desk yet.')).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'ledger-screen')

    // Transfers from the partner: the filter's category; each row's type is its direction.
    await ledger.getByLabel('Type').selectOption('transfer')
    const transfers = await vobiz<{ total: number; transactions: Row[] }>(
      api,
      '/api/v1/partner/transactions?transaction_type=transfer&per_page=25',
    )
    expect(transfers.total).toBeGreaterThan(25)
    await expect(ledger.getByTestId('ledger-page')).toHaveText(
      `Page 1 of ${Math.ceil(transfers.total / 25)} · ${transfers.total} transactions`,
    )
    await expect(rows.first().locator('.ledger-reference')).toHaveText(
      transfers.transactions[0]!.reference!,
    )
    for (const type of await rows.locator('.ledger-type').allInnerTexts())
      expect(type).toBe('Credit')
    // Names from the saved list (the customer's whose ledger it is).
    const first = await vobiz<{ name: string }>(
      api,
      `/api/v1/partner/accounts/${transfers.transactions[0]!.account_id}`,
    )
    await expect(rows.first()).toContainText(first.name)

    await ledger.getByRole('button', { name: 'Next page' }).click()
    await expect(ledger.getByTestId('ledger-page')).toContainText('Page 2 of')

    // Dates: the end before the start is refused at the field, without asking Vobiz.
    await ledger.getByLabel('From', { exact: true }).fill('2026-10-01')
    await ledger.getByLabel('To', { exact: true }).fill('2026-09-01')
    await expect(ledger.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await ledger.getByLabel('To', { exact: true }).fill('2026-10-31')
    const october = await vobiz<{ total: number }>(
      api,
      '/api/v1/partner/transactions?transaction_type=transfer&from_date=2026-10-01&to_date=2026-10-31',
    )
    await expect(ledger.getByTestId('ledger-page')).toContainText(
      `Page 1 of ${Math.max(1, Math.ceil(october.total / 25))} · ${october.total} transactions`,
    )

    await ledger.getByRole('button', { name: 'Export CSV' }).click()
    const status = ledger.getByTestId('ledger-export-status')
    await expect(status).toContainText(`Saved ${october.total} transactions to`)
    const fileName = (await status.innerText()).replace(/^.* to /, '').trim()
    const csv = parseCsv(
      (await readFile(join(bridge.dataDir, 'exports', fileName), 'utf8')).replace(/^\uFEFF/, ''),
    )
    expect(csv[0]).toEqual([
      'Date',
      'Transaction ID',
      'Type',
      'Amount',
      'Currency',
      'Account',
      'Account name',
      'Description',
      'Reference',
      'Status',
    ])
    const body = csv.slice(1)
    expect(october.total).toBeGreaterThan(0)
    expect(body).toHaveLength(october.total)
    for (const record of body) {
      expect(record).toHaveLength(10)
      expect(record[2]).toBe('credit')
      expect(record[5]).toMatch(/^MA_/)
      expect(record[8]).toMatch(/^txn_/)
      expect(record[9]).toBe('completed')
      expect(record[0]! >= '2026-10-01' && record[0]! <= '2026-10-31T23:59:59Z').toBe(true)
    }
    await expectAccessible(page)
    await screenshotBothThemes(page, 'ledger-filtered')
  })
})
