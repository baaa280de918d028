import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RunningSandbox } from '../../../electron/sandbox'
import { formatMoney } from '../../../shared/money-format'
import { formatPhone } from '../../../shared/phone-format'
import { openApiCustomers } from '../support/drawer'
import { vobiz } from '../support/vobiz'
import { expect, expectAccessible, FROZEN_NOW, screenshotAtSizes, test } from '../support/fixtures'

type Cdrs = {
  pagination: { total: number }
  data: { uuid: string; caller_id_number: string; total_cost: string; currency: string }[]
}
const cdrTotal = async (api: RunningSandbox, query: string) =>
  (await vobiz<Cdrs>(api, `/api/v1/partner/cdrs?${query}`)).pagination.total

/** The sandbox's clock is frozen at FROZEN_NOW; the page's calendar is set to the same day. */
async function openUsage(
  page: Page,
  bridge: Parameters<typeof openApiCustomers>[1],
  api: RunningSandbox,
) {
  await page.clock.setFixedTime(FROZEN_NOW)
  await openApiCustomers(page, bridge, api)
  await page.getByRole('button', { name: 'Usage', exact: true }).click()
  await expect(page.getByTestId('usage-figures')).toBeVisible()
}

const callsFigure = (page: Page) =>
  page
    .getByTestId('usage-figures')
    .locator('div', { hasText: /^Calls/ })
    .locator('dd')

test.describe('usage', () => {
  test('the period’s figures, chart and calls; filters, paging and a call’s record', async ({
    page,
    bridge,
    api,
  }) => {
    await openUsage(page, bridge, api)
    // Last 7 days of the frozen calendar, as the API reports them.
    await expect(page.getByTestId('usage-period')).toHaveText(/^Nov 14\s–\s20, 2026$/)
    const week = await vobiz<{ calls: { total_calls: number } }>(
      api,
      '/api/v1/partner/analytics?from_date=2026-11-14&to_date=2026-11-20',
    )
    await expect(callsFigure(page)).toHaveText(week.calls.total_calls.toLocaleString('en-US'))
    await expect(page.getByTestId('usage-chart').locator('canvas').first()).toBeVisible()

    const period = 'start_date=2026-11-14&end_date=2026-11-20'
    const all = await cdrTotal(api, period)
    expect(all).toBeGreaterThan(100)
    // The first page of calls is read after the figures; on a busy machine that can take a while.
    await expect(page.getByTestId('cdr-summary')).toContainText(
      `${all.toLocaleString('en-US')} calls`,
      { timeout: 30_000 },
    )

    // A whole month: the figure follows the API's for that period.
    await page.getByRole('combobox', { name: 'Period' }).selectOption('lastMonth')
    await expect(page.getByTestId('usage-period')).toHaveText(/^Oct 1\s–\s31, 2026$/)
    const october = await vobiz<{ calls: { total_calls: number } }>(
      api,
      '/api/v1/partner/analytics?from_date=2026-10-01&to_date=2026-10-31',
    )
    await expect(callsFigure(page)).toHaveText(october.calls.total_calls.toLocaleString('en-US'))
    await page.getByRole('combobox', { name: 'Period' }).selectOption('7days')

    await page.getByRole('combobox', { name: 'Direction' }).selectOption('inbound')
    const inbound = await cdrTotal(api, `${period}&call_direction=inbound`)
    await expect(page.getByTestId('cdr-summary')).toContainText(
      `${inbound.toLocaleString('en-US')} calls`,
    )
    // The listed calls as CSV, streamed in main.
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const exportStatus = page.getByTestId('cdr-export-status')
    await expect(exportStatus).toContainText(
      `Saved — ${inbound.toLocaleString('en-US')} of ${inbound.toLocaleString('en-US')} calls to`,
    )
    const csvName = (await exportStatus.innerText()).replace(/^.* to /, '').trim()
    const csv = await readFile(join(bridge.dataDir, 'exports', csvName), 'utf8')
    expect(csv.trimEnd().split('\r\n')).toHaveLength(inbound + 1)
    expect(
      csv
        .split('\r\n')
        .slice(1, -1)
        .every((l) => l.split(',')[3] === 'inbound'),
    ).toBe(true)
    await page.getByLabel('Min. duration (s)').fill('x')
    await expect(page.getByText('Whole seconds, 0 to 86400.')).toBeVisible()
    await page.getByLabel('Min. duration (s)').fill('300')
    const long = await cdrTotal(api, `${period}&call_direction=inbound&min_duration=300`)
    await expect(page.getByTestId('cdr-summary')).toContainText(
      `${long.toLocaleString('en-US')} calls`,
    )
    await page.getByLabel('Min. duration (s)').fill('')
    await page.getByRole('combobox', { name: 'Direction' }).selectOption('')

    // The list pages from the API as it scrolls: the last call of the period appears.
    const list = page.getByTestId('cdr-list')
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight))
    const lastRow = page.locator(`[role="row"][aria-rowindex="${all + 1}"]`)
    await expect(lastRow.getByRole('button')).toBeVisible()

    // A call's full record, read from Vobiz.
    await list.evaluate((element) => element.scrollTo(0, 0))
    const first = (await vobiz<Cdrs>(api, `/api/v1/partner/cdrs?${period}&per_page=1`)).data[0]!
    // Its number in the international format, its cost at the currency's decimals (exact on hover).
    const firstRow = page.locator('[role="row"][aria-rowindex="2"]')
    await expect(firstRow.getByRole('cell').nth(3)).toHaveText(formatPhone(first.caller_id_number))
    expect(formatPhone(first.caller_id_number)).not.toBe(first.caller_id_number)
    await expect(firstRow.getByRole('cell').last()).toHaveText(
      formatMoney(first.total_cost, first.currency, 'table'),
    )
    await firstRow.getByRole('button').click()
    const dialog = page.getByTestId('cdr-dialog')
    await expect(dialog).toContainText(first.uuid)
    await expect(dialog).toContainText('Hangup cause code')
    await expectAccessible(page)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    await expectAccessible(page)
    await screenshotAtSizes(page, 'usage')
  })

  test('without can_view_cdrs the calls are refused and the screen says why', async ({
    page,
    bridge,
    api,
  }) => {
    await fetch(`${api.baseUrl}/__sandbox/partner`, {
      method: 'PATCH',
      headers: { 'X-Sandbox-Control': '1', 'Content-Type': 'application/json' },
      body: JSON.stringify({ can_view_cdrs: false }),
    })
    await openUsage(page, bridge, api)
    await expect(page.getByTestId('cdr-permission')).toContainText('may not view call records')
    await expect(page.getByTestId('cdr-list')).toHaveCount(0)
    // The analytics do not depend on it.
    await expect(callsFigure(page)).not.toHaveText('')
    await expectAccessible(page)
  })

  test('offline: the last readings of usage and numbers, with their age', async ({
    page,
    bridge,
    api,
  }) => {
    await openUsage(page, bridge, api)
    const calls = await callsFigure(page).innerText()
    await expect(page.getByTestId('cdr-summary')).toBeVisible()
    await page.getByRole('button', { name: 'Numbers', exact: true }).click()
    const count = page.getByTestId('numbers-count')
    await expect(count).toContainText(' numbers')
    const numbers = await count.innerText()

    // Vobiz out of reach: the same readings come back from this computer, said to be saved.
    api.setFaults([{ kind: 'drop' }])
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.getByRole('button', { name: 'Usage', exact: true }).click()
    await expect(page.getByTestId('saved-reading').first()).toContainText('Vobiz cannot be reached')
    await expect(callsFigure(page)).toHaveText(calls)
    await page.getByRole('button', { name: 'Numbers', exact: true }).click()
    await expect(page.getByTestId('saved-reading')).toBeVisible()
    await expect(count).toHaveText(numbers)
    // A period never read: the failure is said, nothing made up.
    await page.getByRole('button', { name: 'Usage', exact: true }).click()
    await page.getByRole('combobox', { name: 'Period' }).selectOption('lastMonth')
    await expect(page.getByRole('alert').first()).toBeVisible()
    api.setFaults([])
    await expectAccessible(page)
  })
})
