import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'
import { signInManually } from '../support/sign-in'
import { filesContaining } from '../../support/temp-dir'
import { formatMoney } from '../../../shared/money-format'

test.describe('sign-in', () => {
  test('opens on the sign-in screen, accessible in both themes', async ({ page, bridge }) => {
    await page.goto(bridge.url)
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'sign-in')
  })

  test('shows field messages for an empty form and keeps what was typed', async ({
    page,
    bridge,
  }) => {
    await page.goto(bridge.url)
    await page.getByLabel('Auth ID').fill('PA_TYPED')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByText('Enter your Auth Token.')).toBeVisible()
    await expect(page.getByLabel('Auth Token', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await expect(page.getByLabel('Auth ID')).toHaveValue('PA_TYPED')
  })

  test('Try the sandbox signs in and shows the partner header', async ({ page, bridge }) => {
    await page.goto(bridge.url)
    await page.getByRole('button', { name: 'Try the sandbox' }).click()
    await expect(page.getByTestId('partner-auth-id')).toContainText('PA_SANDBOX1')
    await expect(page.getByTestId('partner-balance')).toContainText('₹')
    await expect(page.getByRole('banner')).toContainText(/Verified|Not verified/)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'home-sandbox')
  })

  test('manual sign-in shows the exact balance, limits and permissions', async ({
    page,
    bridge,
    api,
  }) => {
    const partner = (await (
      await fetch(`${api.baseUrl}/api/v1/partner/me`, {
        headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
      })
    ).json()) as { name: string; account_count: number; max_accounts: number; balance: string }
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    const header = page.getByRole('banner')
    await expect(page.getByTestId('partner-auth-id')).toContainText(api.credentials.authId)
    await expect(header).toContainText(partner.name)
    const count = (n: number) => new Intl.NumberFormat('en-US').format(n)
    // Limits and permissions are on the Overview screen (the strip has the balance).
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Overview' })
      .click()
    await expect(page.getByTestId('partner-accounts')).toContainText(
      `${count(partner.account_count)} / ${count(partner.max_accounts)}`,
    )
    // Exact, from the string: every one of the 5 decimals the API sent that is not a trailing zero.
    const exact = formatMoney(partner.balance, 'INR')
    await expect(page.getByTestId('partner-balance')).toHaveText(exact)
    await expect(page.getByText('New customer accounts')).toBeVisible()
  })

  test('an Auth ID of the wrong shape is said at the field, before any request', async ({
    page,
    bridge,
    api,
  }) => {
    const before = api.state().totalRequests
    await page.goto(bridge.url)
    await signInManually(page, {
      authId: 'hello',
      authToken: 'some-token-123',
      baseUrl: api.baseUrl,
    })
    const authId = page.getByLabel('Auth ID')
    await expect(authId).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText(/A partner Auth ID looks like PA_XXXXXXXX/)).toBeVisible()
    await expect(authId).toBeFocused()
    await authId.fill('MA_ABCD1234')
    await expect(
      page.getByText('MA_… is the Auth ID of a customer’s main account.', { exact: false }),
    ).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await expectAccessible(page)
    await screenshotAtSizes(page, 'sign-in-auth-id-shape')
    // Nothing reached the API it would have been sent to.
    expect(api.state().totalRequests).toBe(before)
  })

  test('a wrong token is refused with a clear message and nothing is saved', async ({
    page,
    bridge,
    api,
  }) => {
    await page.goto(bridge.url)
    await signInManually(page, {
      authId: api.credentials.authId,
      authToken: 'wrong-token-123',
      baseUrl: api.baseUrl,
    })
    await expect(page.getByRole('alert')).toContainText(/Auth ID or Auth Token/i)
    await screenshotBothThemes(page, 'sign-in-wrong-token')
    await expect(page.getByLabel('Auth ID')).toHaveValue(api.credentials.authId)
    expect(filesContaining(bridge.dataDir, 'wrong-token-123')).toEqual([])
  })

  test('an unreachable API says it cannot reach the host', async ({ page, bridge, api }) => {
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: 'http://127.0.0.1:9' })
    await expect(page.getByRole('alert')).toContainText(/reach 127\.0\.0\.1:9/)
  })

  test('a restart keeps the session without retyping', async ({ page, bridge, api }) => {
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await expect(page.getByTestId('partner-auth-id')).toContainText(api.credentials.authId)
    await bridge.restart()
    await page.goto(bridge.url)
    await expect(page.getByTestId('partner-auth-id')).toContainText(api.credentials.authId)
    await expect(page.getByLabel('Auth Token', { exact: true })).toHaveCount(0)
  })

  test('sign out forgets the token and returns to sign-in', async ({ page, bridge, api }) => {
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await expect(page.getByTestId('partner-auth-id')).toBeVisible()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('dialog')).toContainText('removes the saved token')
    await expectAccessible(page)
    await screenshotBothThemes(page, 'sign-out-dialog')
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    // The saved profile's card: its label (Auth ID · host), not repeated as its subtitle.
    const card = page.locator('.profile-button')
    await expect(card.locator('.profile-button-label')).toHaveText(
      `${api.credentials.authId} · ${new URL(api.baseUrl).host}`,
    )
    await expect(card.locator('.profile-button-meta')).toHaveCount(0)
    await screenshotAtSizes(page, 'sign-in-saved-profile')
    const config = await readFile(join(bridge.dataDir, 'partner-desk.json'), 'utf8')
    expect(config).not.toContain('cipher')
    await bridge.restart()
    await page.goto(bridge.url)
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  })

  test('saves several profiles and switches between them', async ({ page, bridge, api }) => {
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await expect(page.getByTestId('partner-auth-id')).toContainText(api.credentials.authId)
    await page.getByRole('button', { name: /^Profile:/ }).click()
    await screenshotBothThemes(page, 'profile-menu')
    await page.getByRole('menuitem', { name: 'Add profile' }).click()
    await page.getByRole('button', { name: 'Try the sandbox' }).click()
    await expect(page.getByTestId('partner-balance')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Profile: Sandbox' })).toBeVisible()
    await page.getByRole('button', { name: 'Profile: Sandbox' }).click()
    await page.getByRole('menuitem', { name: new RegExp(api.credentials.authId) }).click()
    await expect(page.getByRole('button', { name: /^Profile: PA_SANDBOX1 · 127/ })).toBeVisible()
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: 'Overview' })
      .click()
    await expect(page.getByTestId('partner-accounts')).toContainText('50 /')
  })

  test('copies the partner auth id through the main process', async ({ page, bridge }) => {
    await page.goto(bridge.url)
    await page.getByRole('button', { name: 'Try the sandbox' }).click()
    await page.getByRole('button', { name: /Copy/ }).first().click()
    await expect(page.getByText('Copied')).toBeVisible()
    const clipboard = (await (await fetch(new URL('/__bridge/clipboard', bridge.url))).json()) as {
      text: string
    }
    expect(clipboard.text).toBe('PA_SANDBOX1')
  })
})

test.describe('secrets', () => {
  test('the partner token never reaches the page, its storage or the files on disk', async ({
    page,
    bridge,
    api,
  }) => {
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await expect(page.getByTestId('partner-auth-id')).toBeVisible()
    const token = api.credentials.authToken
    expect(await page.content()).not.toContain(token)
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    )
    expect(storage).not.toContain(token)
    await bridge.stop()
    expect(filesContaining(bridge.dataDir, token)).toEqual([])
    expect(filesContaining(bridge.dataDir, api.credentials.authId).length).toBeGreaterThan(0)
  })
})
