import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gridRows } from '../support/customers'
import { openApiCustomers } from '../support/drawer'
import { vobiz } from '../support/vobiz'
import {
  expect,
  expectAccessible,
  FROZEN_NOW,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

test.describe('statements', () => {
  test('a customer’s statement for a month: on screen, as CSV and as PDF', async ({
    page,
    bridge,
    api,
  }) => {
    await page.clock.setFixedTime(FROZEN_NOW)
    await openApiCustomers(page, bridge, api)
    const row = gridRows(page).first()
    const authId = (await row.getAttribute('data-auth-id'))!
    await row.click()
    const drawer = page.getByTestId('customer-drawer')
    await drawer.getByText('Usage', { exact: true }).click()
    await drawer.getByRole('button', { name: 'Statement…' }).click()
    const dialog = page.getByTestId('statement-dialog')
    // Last month by default.
    await expect(dialog.getByRole('combobox', { name: 'Month' })).toHaveValue('2026-10')
    await dialog.getByRole('combobox', { name: 'Month' }).selectOption('2026-11')
    const calls = await vobiz<{ summary: { totalCalls: number } }>(
      api,
      `/api/v1/partner/accounts/${authId}/cdrs?start_date=2026-11-01&end_date=2026-11-30`,
    )
    const sheet = dialog.getByTestId('statement-sheet')
    await expect(sheet.getByRole('row', { name: /^Calls/ })).toContainText(
      String(calls.summary.totalCalls),
    )
    await expect(sheet).toContainText('November 2026')

    await dialog.getByRole('button', { name: 'Export CSV' }).click()
    const status = dialog.getByTestId('statement-export-status')
    await expect(status).toHaveText(`Saved to statement-2026-11-${authId}.csv`)
    const csv = await readFile(
      join(bridge.dataDir, 'exports', `statement-2026-11-${authId}.csv`),
      'utf8',
    )
    expect(csv).toContain(`Calls,${calls.summary.totalCalls}`)
    await dialog.getByRole('button', { name: 'Export PDF' }).click()
    await expect(status).toHaveText(`Saved to statement-2026-11-${authId}.pdf`)
    const pdf = await readFile(join(bridge.dataDir, 'exports', `statement-2026-11-${authId}.pdf`))
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    await expectAccessible(page)
    await screenshotBothThemes(page, 'statement', { fullPage: false })
  })

  test('every customer’s statements into a folder, with progress, and a cancel', async ({
    page,
    bridge,
    api,
  }) => {
    await page.clock.setFixedTime(FROZEN_NOW)
    await openApiCustomers(page, bridge, api)
    await page.getByRole('button', { name: 'Usage', exact: true }).click()
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Statements' }) })
    await card.getByRole('combobox', { name: 'Month' }).selectOption('2026-11')
    await card.getByRole('button', { name: 'Export for every customer…' }).click()
    const progress = card.getByTestId('bulk-progress')
    await expect(progress).toContainText('Done — 50 of 50 into statements-1', { timeout: 30_000 })
    const files = await readdir(join(bridge.dataDir, 'exports', 'statements-1'))
    expect(files.filter((f) => f.endsWith('.csv'))).toHaveLength(50)

    // Slow numbers: time to cancel. What was written stays; nothing partial.
    api.setFaults([{ kind: 'latency', ms: 400, path: '/numbers' }])
    await card.getByRole('button', { name: 'Export for every customer…' }).click()
    await expect(progress).toContainText('Writing')
    await card.getByRole('button', { name: 'Cancel' }).click()
    await expect(progress).toContainText('Cancelled', { timeout: 30_000 })
    api.setFaults([])
    const text = await progress.innerText()
    const done = Number(/— (\d+) of 50/.exec(text)?.[1])
    expect(done).toBeLessThan(50)
    const written = await readdir(join(bridge.dataDir, 'exports', 'statements-2'))
    expect(written.length).toBeLessThanOrEqual(done)
    expect(written.every((f) => /^statement-2026-11-MA_\w+\.csv$/.test(f))).toBe(true)
    await expectAccessible(page)
  })
})
