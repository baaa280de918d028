import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RunningSandbox } from '../../../electron/sandbox'
import { formatMoney } from '../../../shared/money-format'
import type { BridgeProcess } from '../support/bridge-process'
import { openApiCustomers } from '../support/drawer'
import { expect, expectAccessible, screenshotAtSizes, test } from '../support/fixtures'
import { vobiz } from '../support/vobiz'

type Account = { auth_id: string; name: string; pricing_tier?: { currency?: string } | null }
type Row = { type: string; description: string | null }

const inr = (decimal: string) => formatMoney(decimal, 'INR')

/** The credits Partner Desk made to a customer, as Vobiz (the sandbox) lists them. */
async function creditsFromHere(api: RunningSandbox, authId: string): Promise<Row[]> {
  const { transactions } = await vobiz<{ transactions: Row[] }>(
    api,
    `/api/v1/partner/accounts/${authId}/transactions?per_page=100`,
  )
  return transactions.filter((t) => t.type === 'credit' && t.description?.includes('[PD-'))
}

/** Signed in, customers synced, on the Watchlist with its spend read; Vobiz's accounts. */
async function openWatchlist(page: Page, bridge: BridgeProcess, api: RunningSandbox) {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApiCustomers(page, bridge, api)
  await page.getByRole('button', { name: 'Watchlist', exact: true }).click()
  await expect(page.getByTestId('watch-status')).toContainText('Spend read', { timeout: 30_000 })
  return (await vobiz<{ accounts: Account[] }>(api, '/api/v1/partner/accounts?per_page=100'))
    .accounts
}

/** A dialog step pictured at both sizes in both themes, then back to the laptop size. */
async function pictured(page: Page, name: string) {
  await screenshotAtSizes(page, `bulk-top-up-${name}`)
  await page.setViewportSize({ width: 1280, height: 720 })
}

async function openActivity(page: Page) {
  await page.getByRole('button', { name: 'Activity', exact: true }).click()
  await expect(page.getByTestId('activity-chain')).toContainText('Log intact')
  return page.getByTestId('activity-row')
}

test.describe('bulk top-up', () => {
  // Each dialog step is pictured at two sizes in two themes.
  test.describe.configure({ timeout: 480_000 })

  test('from the watchlist selection: dry run, one confirmation, progress, report', async ({
    page,
    bridge,
    api,
  }) => {
    const accounts = await openWatchlist(page, bridge, api)
    const rows = page.getByTestId('watch-row')
    const names = (await rows.locator('.watch-name').allInnerTexts()).slice(0, 2)
    expect(names).toHaveLength(2)
    const launch = page.getByRole('button', { name: /^Top up selected…/ })
    await expect(launch).toHaveAttribute('aria-disabled', 'true')
    for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check()
    await launch.click()

    const dialog = page.getByTestId('bulk-top-up')
    await expect(dialog.getByRole('heading', { name: 'Amounts for 2 customers' })).toBeFocused()
    await dialog.getByLabel('Amount for every customer (INR)').fill('2')
    await dialog.getByLabel(`Amount for ${names[1]}`).fill('3.5')
    await expectAccessible(page)
    await pictured(page, 'choose')
    await dialog.getByRole('button', { name: 'Check (dry run)' }).click()

    const dryRows = dialog.getByTestId('bulk-dry-row')
    await expect(dryRows).toHaveCount(2)
    await expect(dryRows.nth(0)).toContainText(`${inr('2')}`)
    await expect(dryRows.nth(1)).toContainText(`${inr('3.5')}`)
    await expect(dryRows.getByText('OK', { exact: true })).toHaveCount(2)
    await expect(dialog.getByTestId('bulk-summary')).toContainText(inr('5.5'))
    await expectAccessible(page)
    await pictured(page, 'dry-run')

    await dialog.getByRole('button', { name: 'Review 2 top-ups' }).click()
    await expect(dialog.getByRole('heading', { name: /Send 2 top-ups/ })).toBeFocused()
    await pictured(page, 'confirm')

    // The first transfer takes a while: the running step, with its progress and Cancel.
    api.setFaults([
      { kind: 'latency', ms: 9000, method: 'POST', path: '/transfer-balance', times: 1 },
    ])
    await dialog.getByRole('button', { name: 'Send 2 top-ups' }).click()
    await expect(dialog.getByTestId('bulk-heading')).toHaveText('Sending the top-ups…')
    await expect(dialog.getByRole('progressbar', { name: 'Bulk top-up' })).toHaveAttribute(
      'aria-valuetext',
      '0 of 2 rows',
    )
    await expect(dialog.locator('[data-state="sending"]')).toHaveCount(1)
    await expect(dialog.getByRole('button', { name: 'Cancel the rest' })).toBeVisible()
    await pictured(page, 'running')

    await expect(dialog.getByTestId('bulk-heading')).toHaveText('Done: 2 sent', {
      timeout: 20_000,
    })
    await expect(dialog.locator('[data-state="applied"]')).toHaveCount(2)
    await expectAccessible(page)
    await pictured(page, 'report')

    await dialog.getByRole('button', { name: 'Save report (CSV)' }).click()
    const status = dialog.getByTestId('bulk-report-status')
    await expect(status).toContainText('Saved 2 rows to')
    const fileName = (await status.innerText()).replace(/^.* to /, '').trim()
    const report = readFileSync(join(bridge.dataDir, 'exports', fileName), 'utf8')
    expect(report.split('\r\n')[0]).toBe(
      '\uFEFFAuth ID,Customer,Amount,Currency,Result,Reference,Transaction ID,Balance after,Message',
    )
    expect(report.match(/,applied,PD-[0-9A-F]{12},/g)).toHaveLength(2)

    // Each customer got exactly one credit from here.
    for (const name of names) {
      const authId = accounts.find((a) => a.name === name)!.auth_id
      expect(await creditsFromHere(api, authId)).toHaveLength(1)
    }
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    await expect(dialog).toHaveCount(0)

    const activity = await openActivity(page)
    await expect(activity.filter({ hasText: '(bulk)' })).toHaveCount(2)
    await expect(activity.filter({ hasText: /Bulk top-up2 customers/ })).toHaveCount(2)
    await expect(activity.filter({ hasText: 'Export bulk top-up report' })).toHaveCount(1)
    await expect(activity.filter({ hasText: 'ended: 2 applied' })).toHaveCount(1)
  })

  test('from the customers a filter shows: every low-balance customer in one dry run', async ({
    page,
    bridge,
    api,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await openApiCustomers(page, bridge, api)
    const launch = page.getByRole('button', { name: /^Top up \d+ shown…$/ })
    // The whole list is not offered: only what a search or a filter narrowed it to.
    await expect(launch).toHaveCount(0)
    await page.getByRole('checkbox', { name: 'Low balance' }).check()
    const shown = Number(
      /(\d+) of/.exec((await page.getByTestId('customers-count').innerText()) ?? '')?.[1],
    )
    expect(shown).toBeGreaterThan(0)
    await expect(launch).toHaveText(`Top up ${shown} shown…`)
    // With a long profile label (the API's address) the partner's name still fits at 1280.
    const name = page.getByTestId('partner-strip').getByRole('heading', { level: 1 })
    expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
    await pictured(page, 'shown')
    await launch.click()

    const dialog = page.getByTestId('bulk-top-up')
    await expect(
      dialog.getByRole('heading', { name: `Amounts for ${shown} customers` }),
    ).toBeFocused()
    await dialog.getByLabel('Amount for every customer (INR)').fill('1')
    await dialog.getByRole('button', { name: 'Check (dry run)' }).click()
    await expect(dialog.getByTestId('bulk-dry-row')).toHaveCount(shown)
    await expectAccessible(page)
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    // Nothing was sent: a dry run only reads.
    const posts = Object.keys(api.state().requests).filter((route) => route.startsWith('POST'))
    expect(posts).toEqual([])
  })

  test('from a CSV file with a bad row: the problems on their lines, only the good row sent', async ({
    page,
    bridge,
    api,
  }) => {
    const accounts = await openWatchlist(page, bridge, api)
    const good = accounts.find((a) => a.pricing_tier?.currency === 'INR')!
    await page.getByRole('button', { name: 'Import CSV…' }).click()
    const dialog = page.getByTestId('bulk-top-up')
    await expect(dialog.getByRole('heading', { name: 'Import a CSV file' })).toBeFocused()
    await expectAccessible(page)
    await pictured(page, 'import')

    const csv = `\uFEFFauth_id,amount\r\n"${good.auth_id}",12.5\r\nMA_NOBODY00,5\r\n${good.auth_id},ten\r\n`
    await dialog.getByLabel('CSV file').setInputFiles({
      name: 'top-ups.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    })
    const dryRows = dialog.getByTestId('bulk-dry-row')
    await expect(dryRows).toHaveCount(3)
    await expect(dryRows.nth(0)).toContainText('OK')
    await expect(dryRows.nth(1)).toContainText('Unknown customer')
    await expect(dryRows.nth(2)).toContainText('Enter digits only')
    await expect(dialog.getByTestId('bulk-summary')).toContainText('1 of 3 rows')
    await expect(dialog.getByTestId('bulk-summary')).toContainText('2 with problems, not sent')
    await expectAccessible(page)
    await pictured(page, 'csv-dry-run')

    await dialog.getByRole('button', { name: 'Review 1 top-up' }).click()
    await dialog.getByRole('button', { name: 'Send 1 top-up' }).click()
    await expect(dialog.getByTestId('bulk-heading')).toHaveText('Done: 1 sent', {
      timeout: 20_000,
    })
    expect(await creditsFromHere(api, good.auth_id)).toHaveLength(1)
    await dialog.getByRole('button', { name: 'Close' }).last().click()

    const activity = await openActivity(page)
    await expect(activity.filter({ hasText: good.auth_id })).toHaveCount(1)
    await expect(activity.filter({ hasText: 'started: 1 row,' })).toHaveCount(1)
    await expectAccessible(page)
  })
})
