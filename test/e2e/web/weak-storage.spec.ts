import { expect, test } from '../support/fixtures'
import { startBridgeProcess } from '../support/bridge-process'
import { signInManually } from '../support/sign-in'

test('without a keyring the token is kept for this session only, and the user is told', async ({
  page,
  api,
}) => {
  const bridge = await startBridgeProcess({ encryption: 'basic_text' })
  try {
    await page.goto(bridge.url)
    await expect(page.getByText(/session only/i).first()).toBeVisible()
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await expect(page.getByTestId('partner-auth-id')).toContainText(api.credentials.authId)
    await expect(page.getByText(/session only/i).first()).toBeVisible()

    await bridge.restart()
    await page.goto(bridge.url)
    // The profile is remembered, the token is not: the user signs in again.
    await expect(page.getByLabel('Auth Token', { exact: true })).toBeVisible()
  } finally {
    await bridge.stop()
  }
})
