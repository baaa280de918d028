import type { RunningSandbox } from '../../../electron/sandbox'
import { gridRows } from '../support/customers'
import { accountOf, bridgeClipboard, openApiCustomers } from '../support/drawer'
import {
  expect,
  expectAccessible,
  FROZEN_NOW,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

type WireSession = { id: string; account_auth_id: string; status: string }
const sessionsOf = async (api: RunningSandbox): Promise<WireSession[]> => {
  const response = await fetch(`${api.baseUrl}/api/v1/partner/kyc-sessions?size=100`, {
    headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
  })
  return ((await response.json()) as { sessions: WireSession[] }).sessions
}
const startSession = async (api: RunningSandbox, body: Record<string, unknown>) => {
  const response = await fetch(`${api.baseUrl}/api/v1/partner/kyc-sessions`, {
    method: 'POST',
    headers: {
      'X-Auth-ID': api.credentials.authId,
      'X-Auth-Token': api.credentials.authToken,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(201)
}

test.describe('KYC sessions', () => {
  test('the drawer: email flow, resend refused then allowed, a link copied through main, revoke', async ({
    page,
    bridge,
    api,
  }) => {
    // Main reads expiry on its own (real) clock: the frozen sandbox is stopped at this moment
    // instead; the page's clock runs, to be moved on with the sandbox's.
    api.advanceClock(Date.now() - FROZEN_NOW)
    await page.clock.install()
    await openApiCustomers(page, bridge, api)
    await gridRows(page).nth(1).click()
    const drawer = page.getByTestId('customer-drawer')
    await drawer.getByText('KYC', { exact: true }).click()
    const kyc = drawer.getByTestId('customer-kyc')
    await expect(kyc).toContainText('No KYC session has been started')

    // Email flow, to the customer's address by default.
    await kyc.getByRole('button', { name: 'Start KYC' }).click()
    const start = page.getByTestId('start-kyc-dialog')
    await expect(start.getByLabel('Send to')).not.toHaveValue('')
    await start.getByLabel('Link valid for (days)').fill('0')
    await start.getByRole('button', { name: 'Send KYC email' }).click()
    await expect(start.getByText('At least 1 day.')).toBeVisible()
    await start.getByLabel('Link valid for (days)').fill('7')
    await start.getByRole('button', { name: 'Send KYC email' }).click()
    await expect(start).toBeHidden()
    await expect(kyc.getByTestId('kyc-status')).toHaveText('Email sent')
    await expect(kyc).toContainText(/Sent to.\*\*\*@/s)

    // Resend: refused for 30 minutes after creation (the sandbox clock is frozen), then allowed.
    const resend = kyc.getByRole('button', { name: 'Resend email' })
    await expect(resend).toHaveAttribute('aria-disabled', 'true')
    await expect(kyc.getByTestId('kyc-blocked')).toContainText('Resend is allowed in 30 min')
    await screenshotBothThemes(page, 'kyc-drawer-email', { fullPage: false })
    api.advanceClock(30 * 60_000)
    await page.clock.fastForward(30 * 60_000)
    await expect(resend).not.toHaveAttribute('aria-disabled', 'true')
    await resend.click()
    await expect(kyc).toContainText('KYC email sent again')

    // A new session in the redirect flow warns that the active one stops working.
    await kyc.getByRole('button', { name: 'Start a new KYC session' }).click()
    await expect(start.getByTestId('kyc-replace-warning')).toContainText('stops working')
    await start.getByLabel('A link to hand over').check()
    await start.getByRole('button', { name: 'Create KYC link' }).click()
    await expect(start.getByText('Enter the https:// address')).toBeVisible()
    await start.getByLabel('Return address after the check').fill('https://partner.example.com/')
    await start.getByRole('button', { name: 'Create KYC link' }).click()
    await expect(kyc.getByTestId('kyc-status')).toHaveText('Link ready')
    const sessions = await sessionsOf(api)
    expect(sessions.map((s) => s.status)).toEqual(['link_ready', 'revoked'])

    // Copied in main: the page never had the link.
    await kyc.getByRole('button', { name: 'Copy link' }).click()
    const clipboard = await bridgeClipboard(bridge)
    expect(clipboard.text).toMatch(
      new RegExp(`^https://kyc\\.vobiz\\.ai/widget/${sessions[0]!.id}`),
    )
    expect(clipboard.formats.length).toBeGreaterThan(0)
    expect(await page.content()).not.toContain(clipboard.text)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'kyc-drawer-link', { fullPage: false })

    // Revoke, confirmed.
    await kyc.getByRole('button', { name: 'Revoke' }).click()
    const revoke = page.getByTestId('revoke-kyc-dialog')
    await revoke.getByLabel('Reason').fill('Wrong contact')
    await revoke.getByRole('button', { name: 'Revoke session' }).click()
    await expect(kyc.getByTestId('kyc-status')).toHaveText('Revoked')
    await expect(kyc.getByRole('button', { name: 'Copy link' })).toBeHidden()
    expect((await sessionsOf(api))[0]!.status).toBe('revoked')
  })

  test('the KYC screen: sessions across customers named from the saved list, a status filter', async ({
    page,
    bridge,
    api,
  }) => {
    api.advanceClock(Date.now() - FROZEN_NOW)
    await openApiCustomers(page, bridge, api)
    const ids = await Promise.all(
      [0, 1, 2].map(async (n) => (await gridRows(page).nth(n).getAttribute('data-auth-id'))!),
    )
    for (const id of ids.slice(0, 2)) {
      await startSession(api, { account_auth_id: id, customer_email: `kyc.${id}@example.com` })
    }
    await startSession(api, {
      account_auth_id: ids[2],
      flow_type: 'redirect',
      redirect_url: 'https://partner.example.com/',
    })
    const linkOwner = (await accountOf(api, ids[2]!)).name

    await page.getByRole('navigation', { name: 'Sections' }).getByText('KYC').click()
    const rows = page.getByTestId('kyc-row')
    await expect(rows).toHaveCount(3)
    await expect(page.getByTestId('kyc-page')).toHaveText('Page 1 of 1 · 3 sessions')
    await expect(rows.filter({ hasText: linkOwner })).toContainText('Link ready')

    const status = page.getByRole('combobox', { name: 'Status' })
    await status.selectOption('link_ready')
    await expect(rows).toHaveCount(1)
    await expect(rows.first().getByRole('rowheader')).toContainText(linkOwner)
    await status.selectOption('email_sent')
    await expect(rows).toHaveCount(2)
    await expect(rows.filter({ hasText: linkOwner })).toHaveCount(0)
    await status.selectOption('kyc_completed')
    await expect(page.getByText('No KYC sessions match.')).toBeVisible()
    await status.selectOption('')
    await expect(rows).toHaveCount(3)

    await expectAccessible(page)
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await screenshotBothThemes(page, `kyc-screen-${size.width}`)
    }
  })

  test('creating a customer ends by offering KYC: sent to the new customer at once', async ({
    page,
    bridge,
    api,
  }) => {
    api.advanceClock(Date.now() - FROZEN_NOW)
    await openApiCustomers(page, bridge, api)
    const email = `pd.kyc.${Date.now().toString(36)}@example.com`
    await page.getByRole('button', { name: 'New customer' }).click()
    const form = page.getByTestId('new-customer-dialog')
    await form.getByLabel('Name').fill('Kavya Raman')
    await form.getByLabel('Email').fill(email)
    await form.getByLabel('Password').fill('Str0ng!pass')
    await form.getByLabel('Phone').fill('+919812345678')
    await form.getByLabel('Country').selectOption('IN')
    await form.getByRole('button', { name: 'Create customer' }).click()
    const created = page.getByTestId('created-dialog')
    const authId = (await created.getByTestId('drawer-auth-id').textContent())!
    // Not before the one-time credentials are stored.
    await expect(page.getByTestId('start-kyc-dialog')).toHaveCount(0)
    await created.getByLabel('I have stored these credentials').check()
    await created.getByRole('button', { name: 'Done' }).click()

    const start = page.getByTestId('start-kyc-dialog')
    await expect(start.getByTestId('kyc-offer')).toContainText('Kavya Raman can make calls once')
    await expect(start.getByLabel('Send to')).toHaveValue(email)
    await expect(start.getByRole('button', { name: 'Not now' })).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'kyc-create-offer', { fullPage: false })
    await start.getByRole('button', { name: 'Send KYC email' }).click()
    await expect(start).toHaveCount(0)
    await expect(page.getByTestId('kyc-offer-status')).toContainText(
      'KYC email sent to p***@example.com for Kavya Raman.',
    )
    const sessions = await sessionsOf(api)
    expect(sessions.map((s) => [s.account_auth_id, s.status])).toEqual([[authId, 'email_sent']])
  })
})
