import { formatMoney } from '../../../shared/money-format'
import { startDocsApi, type DocsApi } from '../../support/docs-api'
import { startBridgeProcess, type BridgeProcess } from '../support/bridge-process'
import { gridRows } from '../support/customers'
import { signInManually } from '../support/sign-in'
import { expect, expectAccessible, test } from '../support/fixtures'

// The app against a Vobiz that answers only as the doc pages show (test/support/docs-api.ts,
// built from the doc fixtures, independent of the sandbox): /me without `currency`, ledger rows
// with `id` and `type: credit|debit`, no `size` on transactions, documented error bodies.

const inr = (decimal: string) => formatMoney(decimal, 'INR')

let docs: DocsApi
let preview: BridgeProcess
test.beforeEach(async () => {
  docs = await startDocsApi({ customers: 30 })
  preview = await startBridgeProcess({ api: docs.baseUrl })
})
test.afterEach(async () => {
  await preview.stop()
  await docs.close()
})

test('sign-in, table, drawer, top-up, ledgers, create and sub-accounts on the documented API', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto(preview.url)
  await signInManually(page, { ...docs.credentials, baseUrl: docs.baseUrl })
  await expect(page.getByTestId('customers-synced')).toContainText('Synced', { timeout: 30_000 })
  await expect(page.getByTestId('customers-count')).toHaveText('32 of 32 customers')
  // The wallet currency came from the dashboard: /me has none in the docs' example.
  await expect(page.getByTestId('partner-balance')).toHaveText(inr('23906.83'))
  expect(docs.requests).toContain('GET /api/v1/partner/dashboard')

  // The drawer of a documented customer.
  await page.getByLabel('Search customers').fill('MA_YYYYYYYY')
  await gridRows(page).first().click()
  const drawer = page.getByTestId('customer-drawer')
  await expect(drawer.getByTestId('drawer-auth-id')).toHaveText('MA_YYYYYYYY')
  await expect(drawer.getByTestId('customer-balance-amount')).toHaveText(inr('1107'))

  // A top-up, confirmed, sent once in INR.
  await drawer.getByRole('button', { name: 'Top up', exact: true }).click()
  const dialog = page.getByTestId('top-up-dialog')
  await dialog.getByLabel('Amount (INR)').fill('250.5')
  await dialog.getByLabel('Note').fill('Docs check')
  await dialog.getByRole('button', { name: 'Review transfer' }).click()
  await expect(dialog.getByTestId('top-up-summary')).toContainText(
    `${inr('23906.83')} → ${inr('23656.33')}`,
  )
  await dialog.getByRole('button', { name: `Transfer ${inr('250.5')}` }).click()
  await expect(dialog.getByTestId('top-up-done')).toContainText(`${inr('250.5')} moved to`)
  await dialog.getByRole('button', { name: 'Done' }).click()
  expect(
    docs.requests.filter((r) => r.startsWith('POST /api/v1/partner/accounts/MA_YYYYYYYY/transfer')),
  ).toHaveLength(1)
  await expect(drawer.getByTestId('customer-balance-amount')).toHaveText(inr('1357.5'))

  // The drawer's ledger reads the documented rows.
  await drawer.getByText('Transactions', { exact: true }).click()
  const ledger = drawer.getByTestId('customer-ledger')
  await expect(ledger.getByTestId('ledger-row').first()).toContainText('Docs check [PD-')
  await expect(ledger.getByTestId('ledger-row').first()).toContainText(`+${inr('250.5')}`)
  await expect(ledger.getByTestId('ledger-row').first()).toContainText('Credit')
  await page.keyboard.press('Escape')

  // The Transactions screen: the ledger across customers, and this app's transfer.
  await page.getByRole('button', { name: 'Transactions' }).click()
  const partnerLedger = page.getByTestId('partner-ledger')
  await expect(partnerLedger.getByTestId('ledger-row')).toHaveCount(1)
  await expect(partnerLedger.getByTestId('ledger-page')).toContainText('1 transaction')
  await expect(page.getByTestId('transfer-history')).toContainText('Applied')
  await expectAccessible(page)

  // A new customer; the documented 201 reply and its one-time token.
  await page.getByRole('button', { name: 'Customers' }).click()
  await page.getByLabel('Search customers').fill('')
  await page.getByRole('button', { name: 'New customer' }).click()
  const form = page.getByTestId('new-customer-dialog')
  await form.getByLabel('Name').fill('Kavya Raman')
  await form.getByLabel('Email').fill('kavya@example.com')
  await form.getByLabel('Password').fill('Str0ng!pass')
  await form.getByLabel('Phone').fill('+919812345678')
  await form.getByLabel('Country').selectOption('IN')
  await form.getByRole('button', { name: 'Create customer' }).click()
  const created = page.getByTestId('created-dialog')
  await expect(created.getByRole('heading', { name: 'Kavya Raman was created' })).toBeVisible()
  await created.getByLabel('I have stored these credentials').check()
  await created.getByRole('button', { name: 'Done' }).click()
  await page.getByTestId('start-kyc-dialog').getByRole('button', { name: 'Not now' }).click()
  await expect(page.getByTestId('customers-count')).toHaveText('33 of 33 customers')

  // The partner's sub-accounts: create one, then check its credentials with Vobiz (auth/me).
  await page.getByRole('button', { name: 'Sub-accounts' }).click()
  const view = page.getByTestId('subaccounts')
  await view.getByRole('button', { name: 'New sub-account' }).click()
  const subForm = page.getByTestId('new-subaccount-dialog')
  await subForm.getByLabel('Name').fill('Ops Bot')
  await subForm.getByRole('button', { name: 'Create sub-account' }).click()
  const credentials = page.getByTestId('subaccount-credentials-dialog')
  await expect(credentials.getByRole('heading', { name: /Ops Bot/ })).toBeVisible()
  await credentials.getByRole('button', { name: 'Check with Vobiz' }).click()
  await expect(credentials.getByTestId('credentials-check')).toContainText('accepts')
  expect(docs.requests).toContain('GET /api/v1/auth/me')
  await credentials.getByLabel('I have stored these credentials').check()
  await credentials.getByRole('button', { name: 'Done' }).click()
  await expect(view.getByTestId('subaccount-row')).toHaveCount(1)
})
