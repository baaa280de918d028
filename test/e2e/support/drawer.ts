import { expect, type Page } from '@playwright/test'
import type { RunningSandbox } from '../../../electron/sandbox'
import type { BridgeProcess } from './bridge-process'
import { gridRows } from './customers'
import { signInManually } from './sign-in'

/** Signs in to `api` by hand and waits until its customers are synced into the table. */
export async function openApiCustomers(page: Page, bridge: BridgeProcess, api: RunningSandbox) {
  await page.goto(bridge.url)
  await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
  await expect(page.getByTestId('customers-synced')).toContainText('Synced', { timeout: 30_000 })
  await expect(gridRows(page).first()).toBeVisible()
}

/** A customer's account as Vobiz (the sandbox) serves it, token included: the test's truth. */
export async function accountOf(
  api: RunningSandbox,
  authId: string,
): Promise<Record<string, unknown> & { auth_token: string; name: string }> {
  const response = await fetch(`${api.baseUrl}/api/v1/partner/accounts/${authId}`, {
    headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
  })
  if (!response.ok) throw new Error(`GET account ${authId}: ${response.status}`)
  return (await response.json()) as Record<string, unknown> & { auth_token: string; name: string }
}

/** What the bridge's clipboard port holds: its text and the raw OS formats written with it. */
export async function bridgeClipboard(
  bridge: BridgeProcess,
): Promise<{ text: string; formats: string[] }> {
  const response = await fetch(new URL('/__bridge/clipboard', bridge.url))
  return (await response.json()) as { text: string; formats: string[] }
}

/** The user copies something else (outside Partner Desk). */
export async function copyElsewhere(bridge: BridgeProcess, text: string): Promise<void> {
  await fetch(new URL('/__bridge/clipboard', bridge.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  })
}

/** Every string in the page's JS heap (a CDP heap snapshot): for "never in renderer memory". */
export async function heapContains(page: Page, needle: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page)
  let snapshot = ''
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
    snapshot += chunk
  })
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  return snapshot.includes(needle)
}

/** The drawer's focus is inside it: Tab never leaves the dialog. */
export async function focusIsInDrawer(page: Page): Promise<boolean> {
  return page
    .getByTestId('customer-drawer')
    .evaluate((drawer) => drawer.contains(drawer.ownerDocument.activeElement))
}
