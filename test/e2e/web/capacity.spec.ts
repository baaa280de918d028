import type { RunningSandbox } from '../../../electron/sandbox'
import { gridRows } from '../support/customers'
import { openApiCustomers } from '../support/drawer'
import { expect, expectAccessible, screenshotBothThemes, test } from '../support/fixtures'

const get = async <T>(api: RunningSandbox, path: string): Promise<T> => {
  const response = await fetch(`${api.baseUrl}/api/v1/partner${path}`, {
    headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
  })
  return (await response.json()) as T
}
type Allocation = {
  customer_concurrent_calls_limit: number
  partner_concurrent_calls_limit: number
}
const moves = async (api: RunningSandbox) =>
  (await get<{ transfers: { slots: number; type: string }[] }>(api, '/concurrency/transfers'))
    .transfers

test.describe('capacity', () => {
  test('the drawer: limits, allocate and reclaim checked at the field, confirmed before → after', async ({
    page,
    bridge,
    api,
  }) => {
    // Four moves, a lost reply, the history screen, offline, axe and eight screenshots.
    test.setTimeout(150_000)
    await openApiCustomers(page, bridge, api)
    const row = gridRows(page).nth(1)
    const authId = (await row.getAttribute('data-auth-id'))!
    const before = await get<Allocation>(api, `/accounts/${authId}/concurrency`)
    const limit = before.customer_concurrent_calls_limit
    const pool = before.partner_concurrent_calls_limit
    await row.click()
    const drawer = page.getByTestId('customer-drawer')
    await drawer.getByText('Capacity', { exact: true }).click()
    const capacity = drawer.getByTestId('customer-capacity')
    const calls = capacity.getByTestId('capacity-concurrent_calls')
    await expect(calls).toHaveText(`Concurrent calls${limit}0${pool}`)

    // Nothing allocated yet: nothing to reclaim.
    await capacity.getByRole('button', { name: 'Reclaim' }).click()
    const dialog = page.getByTestId('capacity-dialog')
    await dialog.getByLabel('Slots').fill('1')
    await dialog.getByRole('button', { name: 'Review' }).click()
    await expect(dialog.getByText('At most 0: this partner allocated 0.')).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await capacity.getByRole('button', { name: 'Allocate' }).click()
    const slots = dialog.getByLabel('Slots')
    await slots.fill('0')
    await dialog.getByRole('button', { name: 'Review' }).click()
    await expect(dialog.getByText('At least 1.')).toBeVisible()
    await expect(slots).toHaveAttribute('aria-invalid', 'true')
    await slots.fill(String(pool + 1))
    await dialog.getByRole('button', { name: 'Review' }).click()
    await expect(dialog.getByText(`Only ${pool} left in the partner's pool.`)).toBeVisible()
    await slots.fill('5')
    await dialog.getByRole('button', { name: 'Review' }).click()
    const summary = dialog.getByTestId('capacity-summary')
    await expect(summary).toContainText(`limit${limit} → ${limit + 5}`)
    await expect(summary).toContainText('Allocated by this partner0 → 5')
    await expect(summary).toContainText(`Partner pool left${pool} → ${pool - 5}`)
    await expect(dialog).toContainText('Limits take up to 5 minutes to apply.')
    await expectAccessible(page)
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await screenshotBothThemes(page, `capacity-confirm-${size.width}`, { fullPage: false })
    }
    await dialog.getByRole('button', { name: 'Allocate 5 slots' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(capacity.getByTestId('capacity-note')).toContainText(
      /Allocated 5 concurrent calls \(CT-[0-9A-F]+\)\. Limits take up to 5 minutes/,
    )
    await expect(calls).toHaveText(`Concurrent calls${limit + 5}5${pool - 5}`)

    // A reclaim: never more than this partner allocated.
    await capacity.getByRole('button', { name: 'Reclaim' }).click()
    await slots.fill('6')
    await dialog.getByRole('button', { name: 'Review' }).click()
    await expect(dialog.getByText('At most 5: this partner allocated 5.')).toBeVisible()
    await slots.fill('2')
    await dialog.getByRole('button', { name: 'Review' }).click()
    await expect(dialog.getByTestId('capacity-summary')).toContainText(
      `Partner pool left${pool - 5} → ${pool - 3}`,
    )
    await dialog.getByRole('button', { name: 'Reclaim 2 slots' }).click()
    await expect(calls).toHaveText(`Concurrent calls${limit + 3}3${pool - 3}`)
    await expectAccessible(page)
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      await screenshotBothThemes(page, `capacity-drawer-${size.width}`, { fullPage: false })
    }
    expect((await moves(api)).map((m) => [m.type, m.slots])).toEqual([
      ['reclaim', 2],
      ['transfer', 5],
    ])

    // A reply lost after Vobiz applied it: found in the history, moved once.
    api.setFaults([{ kind: 'drop', when: 'after', method: 'POST', times: 1 }])
    await capacity.getByRole('button', { name: 'Allocate' }).click()
    await slots.fill('1')
    await dialog.getByRole('button', { name: 'Review' }).click()
    await dialog.getByRole('button', { name: 'Allocate 1 slot' }).click()
    await expect(capacity.getByTestId('capacity-note')).toContainText(
      'found after the reply was lost',
    )
    expect((await moves(api)).map((m) => m.slots)).toEqual([1, 2, 5])

    // Kept on this computer with Vobiz's transfer_reference, on the Transactions screen.
    await drawer.getByRole('button', { name: 'Close customer details' }).click()
    await page.getByRole('navigation', { name: 'Sections' }).getByText('Transactions').click()
    const history = page.getByTestId('capacity-history').locator('tbody tr')
    await expect(history).toHaveCount(3)
    await expect(history.first()).toContainText('Allocated 1 concurrent call (reply lost')
    const wireReference = (
      await get<{ transfers: { transfer_reference: string }[] }>(api, '/concurrency/transfers')
    ).transfers[0]!.transfer_reference
    await expect(history.first()).toContainText(wireReference)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'capacity-history', { fullPage: false })

    // Offline: the buttons say why.
    await page.getByRole('navigation', { name: 'Sections' }).getByText('Customers').click()
    api.setFaults([{ kind: 'drop' }])
    await page.getByRole('button', { name: 'Refresh customers' }).click()
    await row.click()
    await drawer.getByText('Capacity', { exact: true }).click()
    const allocate = capacity.getByRole('button', { name: 'Allocate' })
    await expect(allocate).toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 })
    await expect(allocate).toHaveAccessibleDescription(/Offline: capacity can be changed/)
  })
})
