import type { Page } from '@playwright/test'

/** Fills the sign-in form as a user would; the base URL goes in the Advanced section. */
export async function signInManually(
  page: Page,
  credentials: { authId: string; authToken: string; baseUrl: string },
): Promise<void> {
  await page.getByLabel('Auth ID').fill(credentials.authId)
  await page.getByLabel('Auth Token', { exact: true }).fill(credentials.authToken)
  const baseUrl = page.getByLabel('API base URL')
  if (!(await baseUrl.isVisible())) await page.getByText('Advanced').click()
  await baseUrl.fill(credentials.baseUrl)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}
