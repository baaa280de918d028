import type { Page } from '@playwright/test'
import { gridRows } from '../support/customers'
import { accountOf, bridgeClipboard, openApiCustomers } from '../support/drawer'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'
import { signInManually } from '../support/sign-in'

let unique = 0
const newEmail = () => `pd.${Date.now().toString(36)}.${unique++}@example.com`

/** Fills the required fields (and a phone) as a user would. */
async function fillValid(page: Page, email: string) {
  const form = page.getByTestId('new-customer-dialog')
  await form.getByLabel('Name').fill('Kavya Raman')
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password').fill('Str0ng!pass')
  await form.getByLabel('Phone').fill('+919812345678')
  await form.getByLabel('Country').selectOption('IN')
  return form
}

const accountsWith = async (
  api: { baseUrl: string; credentials: Record<string, string> },
  email: string,
) => {
  const response = await fetch(
    `${api.baseUrl}/api/v1/partner/accounts?per_page=100&search=${encodeURIComponent(email)}`,
    {
      headers: {
        'X-Auth-ID': api.credentials['authId']!,
        'X-Auth-Token': api.credentials['authToken']!,
      },
    },
  )
  return ((await response.json()) as { accounts: { auth_id: string }[] }).accounts
}

test.describe('new customer', () => {
  test('from an empty form to the one-time credentials, and into the table', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    // A search that will hide the new customer: Done clears it to show the new row.
    await page.getByLabel('Search customers').fill('Nobody by this name')
    await expect(page.getByTestId('customers-count')).toHaveText('0 of 50 customers')
    await page.getByRole('button', { name: 'New customer' }).click()
    const form = page.getByTestId('new-customer-dialog')
    await expect(form.getByRole('heading', { name: 'New customer' })).toBeVisible()

    // Sent empty: a message at every required field, focus on the first; nothing is created.
    await form.getByRole('button', { name: 'Create customer' }).click()
    await expect(form.getByLabel('Name')).toBeFocused()
    for (const label of ['Name', 'Email', 'Country']) {
      await expect(form.getByLabel(label)).toHaveAttribute('aria-invalid', 'true')
    }
    await expect(form.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true')
    // As the user types, messages follow; the time zone follows the country.
    await form.getByLabel('Password').fill('weakpass')
    await expect(form.getByText('Add a number.')).toBeVisible()
    await expect(form.getByTestId('strength')).toContainText('Weak')
    await form.getByLabel('Country').selectOption('IN')
    await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Kolkata')
    await expect(form.getByText('e.g. +91')).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'new-customer-form', { fullPage: false })

    const email = newEmail()
    await fillValid(page, email)
    await form.getByLabel('GSTIN').fill('29aapfu0939f1zv')
    await form.getByRole('button', { name: 'Create customer' }).click()

    const created = page.getByTestId('created-dialog')
    await expect(created.getByRole('heading', { name: 'Kavya Raman was created' })).toBeVisible()
    const [account] = await accountsWith(api, email)
    const truth = await accountOf(api, account!.auth_id)
    await expect(created.getByTestId('drawer-auth-id')).toHaveText(truth['auth_id'] as string)
    // The token stays in main: copy it from the dialog, never seen by the page.
    await created.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect.poll(async () => (await bridgeClipboard(bridge)).text).toBe(truth.auth_token)
    expect(await page.content()).not.toContain(truth.auth_token)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'new-customer-created', { fullPage: false })

    // It cannot be closed before the user says the credentials are stored.
    const done = created.getByRole('button', { name: 'Done' })
    await expect(done).toHaveAttribute('aria-disabled', 'true')
    await page.keyboard.press('Escape')
    await expect(created).toBeVisible()
    await created.getByLabel('I have stored these credentials').check()
    await done.click()
    await expect(created).toHaveCount(0)
    // KYC is offered next (kyc.spec.ts starts it); not now.
    await page.getByTestId('start-kyc-dialog').getByRole('button', { name: 'Not now' }).click()
    // Announced once no dialog is open (a polite live region).
    await expect(page.getByTestId('kyc-offer-status')).toHaveText('Created Kavya Raman.')
    await expect(page.getByTestId('kyc-offer-status')).toHaveAttribute('role', 'status')

    // In the table and the count at once, its row selected and scrolled into view.
    await expect(page.getByTestId('customers-count')).toHaveText('51 of 51 customers')
    const newRow = gridRows(page).filter({ hasText: email })
    await expect(newRow).toHaveAttribute('aria-selected', 'true')
    await expect(newRow).toBeInViewport()
    await page.getByLabel('Search customers').fill(email)
    await expect(gridRows(page)).toHaveCount(1)
    await expect(gridRows(page).first()).toContainText('Kavya Raman')
  })

  test('a used email and a rejected field: messages at the field, the form kept', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const taken = (
      await accountOf(api, (await gridRows(page).first().getAttribute('data-auth-id'))!)
    )['email'] as string
    await page.getByRole('button', { name: 'New customer' }).click()
    const form = await fillValid(page, taken)
    await form.getByRole('button', { name: 'Create customer' }).click()
    await expect(form.getByText('This email is already in use.')).toBeVisible()
    await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
    // Only the field says it: no banner repeating it in the API's words.
    await expect(form.getByRole('alert')).toHaveCount(0)
    await expect(form).not.toContainText('Request validation failed')
    // The password's Show button sits inside its input, as on sign-in.
    const input = await form.getByLabel('Password').boundingBox()
    const toggle = await form.getByRole('button', { name: 'Show password' }).boundingBox()
    expect(toggle!.x).toBeGreaterThanOrEqual(input!.x)
    expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(input!.x + input!.width)
    expect(toggle!.y).toBeGreaterThanOrEqual(input!.y)
    expect(toggle!.y + toggle!.height).toBeLessThanOrEqual(input!.y + input!.height)
    await form.getByRole('button', { name: 'Show password' }).click()
    await expect(form.getByLabel('Password')).toHaveAttribute('type', 'text')
    await form.getByRole('button', { name: 'Hide password' }).click()
    await expect(form.getByLabel('Password')).toHaveAttribute('type', 'password')
    await expect(form.getByLabel('Name')).toHaveValue('Kavya Raman')
    await expect(form.getByLabel('Password')).toHaveValue('Str0ng!pass')
    await expectAccessible(page)
    await screenshotAtSizes(page, 'new-customer-email-taken')
    // Changing the field clears its message; sending again works.
    await form.getByLabel('Email').fill(newEmail())
    await expect(form.getByText('This email is already in use.')).toHaveCount(0)
    await form.getByRole('button', { name: 'Create customer' }).click()
    await expect(page.getByTestId('created-dialog')).toBeVisible()
  })

  test('no permission, the account limit, and offline: the button says why', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const button = page.getByRole('button', { name: 'New customer' })
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true })

    api.updatePartner({ can_create_accounts: false })
    await refresh.click()
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleDescription(/may not create customers/)
    // Pressing it anyway does nothing (aria-disabled keeps it focusable, so the reason is read).
    await button.click({ force: true })
    await expect(page.getByTestId('new-customer-dialog')).toHaveCount(0)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'new-customer-no-permission')

    api.updatePartner({ can_create_accounts: true, max_accounts: 50 })
    await refresh.click()
    await expect(button).toHaveAccessibleDescription(/All 50 customer accounts are in use/)

    api.updatePartner({ max_accounts: 1000 })
    await refresh.click()
    await expect(button).not.toHaveAttribute('aria-disabled', 'true')
    api.setFaults([{ kind: 'drop' }])
    await page.getByRole('button', { name: 'Refresh customers' }).click()
    await expect(button).toHaveAccessibleDescription(/needs a connection/, { timeout: 30_000 })
  })

  test('the reply is lost after Vobiz created the customer: exactly one exists, and the user is told', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    await page.getByRole('button', { name: 'New customer' }).click()
    const email = newEmail()
    const form = await fillValid(page, email)
    api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    await form.getByRole('button', { name: 'Create customer' }).click()
    const created = page.getByTestId('created-dialog')
    await expect(created).toContainText('the reply from Vobiz was lost')
    expect(await accountsWith(api, email)).toHaveLength(1)
    await created.getByLabel('I have stored these credentials').check()
    await created.getByRole('button', { name: 'Done' }).click()
    await page.getByTestId('start-kyc-dialog').getByRole('button', { name: 'Not now' }).click()
    await page.getByLabel('Search customers').fill(email)
    await expect(gridRows(page)).toHaveCount(1)
  })

  test('a revoked token: back to sign-in, and the form is kept for afterwards', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    await page.getByRole('button', { name: 'New customer' }).click()
    const email = newEmail()
    const form = await fillValid(page, email)
    api.setFaults([{ kind: 'status', status: 401 }])
    await form.getByRole('button', { name: 'Create customer' }).click()
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible({
      timeout: 15_000,
    })
    api.setFaults([])
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    const again = page.getByTestId('new-customer-dialog')
    await expect(again.getByLabel('Email')).toHaveValue(email)
    await expect(again.getByLabel('Name')).toHaveValue('Kavya Raman')
    expect(await accountsWith(api, email)).toHaveLength(0)
  })
})
