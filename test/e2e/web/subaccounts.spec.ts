import type { Page } from '@playwright/test'
import type { RunningSandbox } from '../../../electron/sandbox'
import { gridRows } from '../support/customers'
import { accountOf, bridgeClipboard, heapContains, openApiCustomers } from '../support/drawer'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

type Sub = { auth_id: string; name: string; enabled: boolean }

/** Vobiz (the sandbox) with some account's own credentials: the test's truth. */
async function asAccount(
  api: RunningSandbox,
  credentials: { authId: string; authToken: string },
  path: string,
  method = 'GET',
): Promise<Response> {
  return fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { 'X-Auth-ID': credentials.authId, 'X-Auth-Token': credentials.authToken },
  })
}
/** What Vobiz answers a sub-account's own credentials on its own account object. */
const ownAccountStatus = async (api: RunningSandbox, authId: string, authToken: string) =>
  (await asAccount(api, { authId, authToken }, `/api/v1/Account/${authId}/`)).status

const partnerSubs = async (api: RunningSandbox): Promise<Sub[]> =>
  (
    (await (
      await asAccount(
        api,
        api.credentials,
        `/api/v1/accounts/${api.credentials.authId}/sub-accounts/`,
      )
    ).json()) as { sub_accounts: Sub[] }
  ).sub_accounts

/** A customer the sandbox seeded with sub-accounts, and its own credentials. */
async function customerWithSubAccounts(api: RunningSandbox) {
  const list = (await (
    await asAccount(api, api.credentials, '/api/v1/partner/accounts?per_page=100')
  ).json()) as { accounts: { auth_id: string }[] }
  for (const { auth_id: authId } of list.accounts) {
    const account = await accountOf(api, authId)
    const credentials = { authId, authToken: account.auth_token }
    const subs = (await (
      await asAccount(api, credentials, `/api/v1/accounts/${authId}/sub-accounts/`)
    ).json()) as { sub_accounts: Sub[] }
    if (subs.sub_accounts.length > 0)
      return { ...credentials, name: account.name, subs: subs.sub_accounts }
  }
  throw new Error('no seeded customer with sub-accounts')
}

async function openPartnerSubAccounts(page: Page) {
  await page.getByRole('button', { name: 'Sub-accounts' }).click()
  await expect(page.getByTestId('subaccount-row').first()).toBeVisible()
}

const row = (page: Page, name: string) =>
  page
    .getByTestId('subaccount-row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) })

/** Chooses an action from a row's Actions menu. */
async function rowAction(page: Page, name: string, action: string) {
  await row(page, name)
    .getByRole('button', { name: `Actions for ${name}` })
    .click()
  await page
    .getByRole('menu', { name: `Actions for ${name}` })
    .getByRole('menuitem', { name: action })
    .click()
}

test.describe('sub-accounts', () => {
  test('the main account: list, search, create with one-time credentials, rename, disable, enable, delete', async ({
    page,
    bridge,
    api,
  }) => {
    test.setTimeout(180_000)
    await openApiCustomers(page, bridge, api)
    await openPartnerSubAccounts(page)
    const view = page.getByTestId('subaccounts')
    await expect(view.getByTestId('subaccount-row')).toHaveCount(3)
    await expect(row(page, 'Kiran Traders')).toContainText('Customer use')
    await expect(row(page, 'Kiran Traders')).toContainText('Calls blocked · KYC pending')
    await expect(row(page, 'Staging')).toContainText('Disabled')
    await view.getByLabel('Search sub-accounts').fill('kiran')
    await expect(view.getByTestId('subaccount-row')).toHaveCount(1)
    await expect(view.getByText('1 of 3 sub-accounts')).toBeVisible()
    await view.getByLabel('Search sub-accounts').fill('')
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-main')

    // One Actions menu per row, by keyboard: ↓ opens on the first item, ↓ ↑ Home End move,
    // Esc closes it and gives focus back to its button; the items keep their order.
    const actions = row(page, 'Staging').getByRole('button', { name: 'Actions for Staging' })
    await expect(actions).toHaveAttribute('aria-haspopup', 'menu')
    await actions.focus()
    await page.keyboard.press('ArrowDown')
    const menu = page.getByRole('menu', { name: 'Actions for Staging' })
    await expect(actions).toHaveAttribute('aria-expanded', 'true')
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Credentials',
      'Rename',
      'Enable',
      'Delete',
    ])
    await expect(menu.getByRole('menuitem', { name: 'Credentials' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused()
    await page.keyboard.press('End')
    await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitem', { name: 'Credentials' })).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused()
    await expectAccessible(page)
    // At the window's size: a resize closes the menu (it would be left behind its button).
    await screenshotBothThemes(page, 'subaccounts-menu', { fullPage: false })
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(actions).toBeFocused()
    // Enter opens it too; Enter on an item runs it, and its dialog gives focus back on close.
    await page.keyboard.press('Enter')
    await expect(menu.getByRole('menuitem', { name: 'Credentials' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const renaming = page.getByTestId('rename-subaccount-dialog')
    await expect(renaming).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(renaming).toHaveCount(0)
    await expect(actions).toBeFocused()
    // Rows stay one line high: the actions no longer stack.
    await screenshotAtSizes(page, 'subaccounts-rows')
    const heights = await view
      .getByTestId('subaccount-row')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))
    for (const height of heights) expect(height).toBeLessThan(60)
    await page.setViewportSize({ width: 1280, height: 720 })

    // Create: field messages first, then a customer-use sub-account.
    await view.getByRole('button', { name: 'New sub-account' }).click()
    const form = page.getByTestId('new-subaccount-dialog')
    await form.getByRole('button', { name: 'Create sub-account' }).click()
    await expect(form.getByLabel('Name')).toBeFocused()
    await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')
    await form.getByLabel('Name').fill('Ops Bot')
    await form.getByLabel(/Customer use/).check()
    await form.getByRole('button', { name: 'Create sub-account' }).click()
    await expect(form.getByRole('textbox', { name: /^Email/ })).toBeFocused()
    await expect(form.getByText(/needs an email/)).toBeVisible()
    await form.getByRole('textbox', { name: /^Email/ }).fill('ops@example.com')
    await form.getByLabel('Password').fill('short')
    await form.getByRole('button', { name: 'Create sub-account' }).click()
    await expect(form.getByText('At least 8 characters.')).toBeVisible()
    await form.getByLabel('Password').fill('')
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-new', { fullPage: false })
    await form.getByRole('button', { name: 'Create sub-account' }).click()

    const credentials = page.getByTestId('subaccount-credentials-dialog')
    await expect(credentials.getByRole('heading', { name: 'Ops Bot was created' })).toBeVisible()
    const created = (await partnerSubs(api)).find((s) => s.name === 'Ops Bot')!
    await expect(credentials.getByTestId('drawer-auth-id')).toHaveText(created.auth_id)
    await credentials.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect(credentials.getByTestId('clipboard-toast')).toContainText(
      `Auth Token of ${created.auth_id} copied`,
    )
    const token = (await bridgeClipboard(bridge)).text
    // The copied token is the sub-account's own: Vobiz accepts it for its account.
    expect(await ownAccountStatus(api, created.auth_id, token)).toBe(200)
    await credentials.getByRole('button', { name: 'Reveal Auth Token' }).click()
    await expect(credentials.getByTestId('revealed-token')).toHaveText(token)
    await credentials.getByRole('button', { name: 'Check with Vobiz' }).click()
    await expect(credentials.getByTestId('credentials-check')).toHaveText(
      'Vobiz accepts these credentials.',
    )
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-created', {
      fullPage: false,
      mask: [credentials.getByTestId('revealed-token')],
    })
    // The one-time token's gate: no Done, no Esc until "I have stored these credentials".
    const done = credentials.getByRole('button', { name: 'Done' })
    await expect(done).toHaveAttribute('aria-disabled', 'true')
    await done.click({ force: true })
    await page.keyboard.press('Escape')
    await expect(credentials).toBeVisible()
    await expect(credentials.getByRole('button', { name: 'Close' })).toHaveCount(0)
    await screenshotBothThemes(page, 'subaccounts-created-gate', {
      fullPage: false,
      mask: [credentials.getByTestId('revealed-token')],
    })
    await credentials.getByLabel('I have stored these credentials').check()
    await done.click()
    await expect(credentials).toHaveCount(0)
    await expect(row(page, 'Ops Bot')).toContainText('Calls blocked · KYC pending')
    expect(await page.content()).not.toContain(token)

    // Rename.
    await rowAction(page, 'Ops Bot', 'Rename')
    const rename = page.getByTestId('rename-subaccount-dialog')
    // The clipboard's countdown goes on inside the dialog, not behind its backdrop.
    await expect(rename.getByTestId('clipboard-toast')).toContainText('copied')
    await expect(page.getByTestId('clipboard-toast')).toHaveCount(1)
    await screenshotBothThemes(page, 'subaccounts-rename', { fullPage: false })
    await rename.getByLabel('Name').fill('Ops Robot')
    await rename.getByRole('button', { name: 'Save name' }).click()
    await expect(row(page, 'Ops Robot')).toBeVisible()
    expect((await partnerSubs(api)).find((s) => s.auth_id === created.auth_id)?.name).toBe(
      'Ops Robot',
    )

    // Disable: confirmed, then its credentials are refused.
    await rowAction(page, 'Ops Robot', 'Disable')
    const disable = page.getByTestId('disable-subaccount-dialog')
    await expect(disable).toContainText('blocks all of its API calls and trunk usage')
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-disable', { fullPage: false })
    await disable.getByRole('button', { name: 'Disable sub-account' }).click()
    await expect(row(page, 'Ops Robot')).toContainText('Disabled')
    expect(await ownAccountStatus(api, created.auth_id, token)).toBe(403)
    await rowAction(page, 'Ops Robot', 'Credentials')
    await credentials.getByRole('button', { name: 'Check with Vobiz' }).click()
    await expect(credentials.getByTestId('credentials-check')).toContainText(
      'the sub-account is disabled',
    )
    await credentials.getByRole('button', { name: 'Done' }).click()
    await rowAction(page, 'Ops Robot', 'Enable')
    await expect(row(page, 'Ops Robot')).toContainText('Enabled')

    // Delete: only once the name is typed; then gone, with its credentials.
    await rowAction(page, 'Ops Robot', 'Delete')
    const remove = page.getByTestId('delete-subaccount-dialog')
    await expect(remove).toContainText('This is permanent')
    const confirm = remove.getByRole('button', { name: 'Delete permanently' })
    await expect(confirm).toHaveAttribute('aria-disabled', 'true')
    await confirm.click({ force: true })
    await expect(remove).toBeVisible()
    await remove.getByLabel(/Type the name/).fill('Ops Robot')
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-delete', { fullPage: false })
    await confirm.click()
    await expect(row(page, 'Ops Robot')).toHaveCount(0)
    expect((await partnerSubs(api)).map((s) => s.auth_id)).not.toContain(created.auth_id)
    expect(await ownAccountStatus(api, created.auth_id, token)).toBe(401)
  })

  test('error paths: a token created elsewhere, a sub-account deleted behind the app, offline', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    await openPartnerSubAccounts(page)
    // Seeded (created elsewhere): the token is not on this computer, and the app says so.
    await rowAction(page, 'Support Team', 'Credentials')
    const credentials = page.getByTestId('subaccount-credentials-dialog')
    await expect(credentials).toContainText('created elsewhere')
    await expect(credentials.getByRole('button', { name: 'Copy Auth Token' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await expectAccessible(page)
    await credentials.getByRole('button', { name: 'Done' }).click()

    // Deleted elsewhere while the app shows it: Vobiz says 404 and the user is told.
    const staging = (await partnerSubs(api)).find((s) => s.name === 'Staging')!
    await rowAction(page, 'Staging', 'Delete')
    const remove = page.getByTestId('delete-subaccount-dialog')
    await remove.getByLabel(/Type the name/).fill('Staging')
    const gone = await asAccount(
      api,
      api.credentials,
      `/api/v1/accounts/${api.credentials.authId}/sub-accounts/${staging.auth_id}`,
      'DELETE',
    )
    expect(gone.status).toBe(200)
    await remove.getByRole('button', { name: 'Delete permanently' }).click()
    await expect(remove.getByRole('alert')).toContainText(/no such record|no sub-account/i)

    await remove.getByRole('button', { name: 'Cancel' }).click()
    // The list is read again: Staging is gone.
    await expect(page.getByTestId('subaccount-row')).toHaveCount(2)
    // Offline: the saved list, marked, and changes disabled.
    api.setFaults([{ kind: 'drop' }])
    await page.getByRole('button', { name: 'Refresh sub-accounts' }).click()
    await expect(page.getByTestId('subaccounts-stale')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('button', { name: 'New sub-account' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await expect(page.getByTestId('subaccount-row')).toHaveCount(2)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-offline')

    // None left: the empty state says what sub-accounts are and offers to create one.
    api.setFaults([])
    for (const sub of await partnerSubs(api)) {
      const path = `/api/v1/accounts/${api.credentials.authId}/sub-accounts/${sub.auth_id}`
      expect((await asAccount(api, api.credentials, path, 'DELETE')).status).toBe(200)
    }
    await page.getByRole('button', { name: 'Refresh sub-accounts' }).click()
    const empty = page.getByTestId('subaccounts-empty')
    await expect(empty.getByRole('heading', { name: 'No sub-accounts yet' })).toBeVisible()
    await expect(empty).toContainText('its own Auth ID and Auth Token')
    await expect(page.getByLabel('Search sub-accounts')).toHaveCount(0)
    await expectAccessible(page)
    await screenshotAtSizes(page, 'subaccounts-empty')
    await empty.getByRole('button', { name: 'New sub-account' }).click()
    await expect(page.getByTestId('new-subaccount-dialog')).toBeVisible()
  })

  test("a customer's sub-accounts, with the customer's own credentials, from the drawer", async ({
    page,
    bridge,
    api,
  }) => {
    const customer = await customerWithSubAccounts(api)
    await openApiCustomers(page, bridge, api)
    await page.getByLabel('Search customers').fill(customer.authId)
    await gridRows(page).first().click()
    const drawer = page.getByTestId('customer-drawer')
    await drawer.getByText('Sub-accounts', { exact: true }).click()
    const view = drawer.getByTestId('subaccounts')
    await expect(view.getByTestId('subaccount-row')).toHaveCount(customer.subs.length)
    for (const sub of customer.subs) await expect(view).toContainText(sub.name)

    await view.getByRole('button', { name: 'New sub-account' }).click()
    const form = page.getByTestId('new-subaccount-dialog')
    // Esc closes the form only, not the drawer it was opened from.
    await page.keyboard.press('Escape')
    await expect(form).toHaveCount(0)
    await expect(drawer).toBeVisible()
    await view.getByRole('button', { name: 'New sub-account' }).click()
    await expect(form).toContainText(`Under ${customer.name}`)
    await form.getByLabel('Name').fill('Branch office')
    await form.getByRole('button', { name: 'Create sub-account' }).click()
    const credentials = page.getByTestId('subaccount-credentials-dialog')
    await expect(
      credentials.getByRole('heading', { name: 'Branch office was created' }),
    ).toBeVisible()
    // Copied in main: the token never reaches the page (not in its DOM, not in its heap).
    await credentials.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect(credentials.getByTestId('clipboard-toast')).toContainText('copied')
    const token = (await bridgeClipboard(bridge)).text
    expect(token.length).toBeGreaterThan(10)
    expect(await page.content()).not.toContain(token)
    expect(await heapContains(page, token)).toBe(false)
    await credentials.getByLabel('I have stored these credentials').check()
    await credentials.getByRole('button', { name: 'Done' }).click()
    await expect(view.getByTestId('subaccount-row')).toHaveCount(customer.subs.length + 1)
    // Under the customer, not the partner.
    const mine = (await (
      await asAccount(api, customer, `/api/v1/accounts/${customer.authId}/sub-accounts/`)
    ).json()) as { sub_accounts: Sub[] }
    expect(mine.sub_accounts.map((s) => s.name)).toContain('Branch office')
    expect((await partnerSubs(api)).map((s) => s.name)).not.toContain('Branch office')
    // Emails stay on one line (cut with a tooltip), never broken at a hyphen.
    for (const email of await view.locator('.subaccount-email[title]').all()) {
      const lines = await email.evaluate((el) =>
        Math.round(
          el.getBoundingClientRect().height /
            parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).lineHeight),
        ),
      )
      expect(lines).toBe(1)
    }
    await view.scrollIntoViewIfNeeded()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'subaccounts-customer-drawer', { fullPage: false })
  })
})
