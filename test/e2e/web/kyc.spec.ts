import type { RunningSandbox } from '../../../electron/sandbox'
import { gridRows } from '../support/customers'
import { bridgeClipboard, openApiCustomers } from '../support/drawer'
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
})
