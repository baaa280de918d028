import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gridRows, parseCsv } from '../support/customers'
import { accountOf, openApiCustomers } from '../support/drawer'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

test.describe('the activity log', () => {
  test('records what was done, filters, exports as CSV and says where the chain breaks', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const row = gridRows(page).first()
    const authId = (await row.getAttribute('data-auth-id')) ?? ''
    expect(authId).not.toBe('')
    const { auth_token: token } = await accountOf(api, authId)
    await row.click()
    const drawer = page.getByTestId('customer-drawer')
    await drawer.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect(drawer.getByTestId('clipboard-toast')).toContainText('copied')
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()

    await page.getByRole('button', { name: 'Activity', exact: true }).click()
    const count = page.getByTestId('activity-count')
    await expect(count).toHaveText('2 of 2 entries')
    await expect(page.getByTestId('activity-chain')).toContainText('Log intact')
    const rows = page.getByTestId('activity-row')
    await expect(rows.nth(0)).toContainText(`Copy credential${authId}customer Auth TokenOK`)
    await expect(rows.nth(1)).toContainText(`Sign in${api.credentials.authId}`)

    await page.getByRole('combobox', { name: 'Action' }).selectOption('credential-copy')
    await expect(count).toHaveText('1 of 2 entries')
    await page.getByRole('combobox', { name: 'Action' }).selectOption('')
    await page.getByLabel('Search', { exact: true }).fill('nothing like this')
    await expect(page.getByText('No entries match.')).toBeVisible()
    await page.getByLabel('Search', { exact: true }).fill('')
    await expect(count).toHaveText('2 of 2 entries')

    await expectAccessible(page)
    await screenshotAtSizes(page, 'activity')

    await page.getByRole('button', { name: 'Export CSV' }).click()
    const status = page.getByTestId('activity-export-status')
    await expect(status).toContainText('Saved 2 entries to')
    const fileName = (await status.innerText()).replace(/^.* to /, '').trim()
    const text = readFileSync(join(bridge.dataDir, 'exports', fileName), 'utf8')
    const csv = parseCsv(text.replace(/^\uFEFF/, ''))
    expect(csv.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Entry', 'Action', 'Target'],
      ['2', 'Copy credential', authId],
      ['1', 'Sign in', api.credentials.authId],
    ])
    expect(text).not.toContain(token)
    expect(text).not.toContain(api.credentials.authToken)

    // The log file changed behind the app's back: the screen names the entry.
    const records = join(bridge.dataDir, 'records')
    const [profile] = readdirSync(records)
    const file = join(records, profile!, 'activity.jsonl')
    const log = readFileSync(file, 'utf8')
    expect(log).not.toContain(token)
    writeFileSync(file, log.replace(`"target":"${authId}"`, '"target":"MA_SOMEONE_ELSE"'))
    await page.getByRole('button', { name: 'Customers', exact: true }).click()
    await page.getByRole('button', { name: 'Activity', exact: true }).click()
    await expect(page.getByRole('alert')).toContainText(
      'The activity log was altered: broken at entry 2',
    )
    await expect(page.getByRole('alert')).toContainText('Entry 2 was changed')
    await expectAccessible(page)
    await page.setViewportSize({ width: 1280, height: 720 })
    await screenshotBothThemes(page, 'activity-broken-1280')
  })
})
