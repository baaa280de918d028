import type { Settings } from '../../../shared/customers'
import { filesContaining } from '../../support/temp-dir'
import { bridgeInvoke, gridRows, setSandboxFaults } from '../support/customers'
import {
  accountOf,
  bridgeClipboard,
  copyElsewhere,
  focusIsInDrawer,
  heapContains,
  openApiCustomers,
} from '../support/drawer'
import { formatMoney } from '../../../shared/money-format'
import { formatPhone } from '../../../shared/phone-format'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'

const GROUPS = [
  'Credentials',
  'Identity',
  'Status',
  'Billing',
  'Limits',
  'Pricing tier',
  'Location and time zone',
  'Tax',
  'Timestamps',
]

test.describe('customer drawer', () => {
  test('opens from a row, shows every group, walks the list and gives focus back', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const row = gridRows(page).nth(2)
    const authId = (await row.getAttribute('data-auth-id'))!
    const truth = await accountOf(api, authId)
    await row.click()

    const drawer = page.getByTestId('customer-drawer')
    // Focus opens on the customer's name (read first), not on the previous-customer arrow.
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(truth.name)
    await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused()
    await expect(drawer.getByTestId('drawer-fresh')).toBeVisible()
    await expect(drawer.getByText('3 of 50')).toBeVisible()
    const field = (label: string) =>
      drawer.locator('.detail-item').filter({ has: page.getByText(label, { exact: true }) })
    await expect(field('Email').locator('dd')).toHaveText(String(truth['email']))
    await expect(field('API ID').locator('dd')).toHaveText(String(truth['api_id']))
    await expect(field('Time zone').locator('dd')).toHaveText(String(truth['timezone']))
    // The phone as people read it; the raw E.164 number in its tooltip (and on copy).
    const phone = String(truth['phone'])
    await expect(field('Phone').locator('dd')).toHaveText(formatPhone(phone))
    expect(formatPhone(phone)).not.toBe(phone)
    await expect(field('Phone').locator('dd span')).toHaveAttribute('title', phone)
    // Fields the API gives as null are hidden until "Show all fields"; then a dash, never "null".
    const showAll = drawer.getByRole('button', { name: 'Show all fields' })
    await expect(showAll).toHaveAttribute('aria-pressed', 'false')
    await expect(drawer.getByTestId('detail-empty-note')).toContainText(/\d+ empty fields hidden/)
    await expect(field('Base calls per second')).toHaveCount(0)
    await expect(drawer.locator('.detail-item dd.is-missing')).toHaveCount(0)
    await screenshotBothThemes(page, 'customer-drawer', { fullPage: false })
    await showAll.click()
    await expect(showAll).toHaveAttribute('aria-pressed', 'true')
    await expect(field('Base calls per second').locator('dd')).toHaveText('—')
    for (const group of GROUPS) {
      await expect(drawer.getByRole('heading', { name: group, exact: true })).toBeVisible()
    }
    await expect(drawer).not.toContainText('null')
    await expectAccessible(page)
    await screenshotAtSizes(page, 'customer-drawer-all-fields')

    // Focus stays in the drawer.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      expect(await focusIsInDrawer(page)).toBe(true)
    }

    // Next and previous without closing, by button and by Alt+↓ / Alt+↑.
    const names = await gridRows(page).evaluateAll((rows) =>
      rows.map((r) => r.querySelector('[role="gridcell"]')?.textContent ?? ''),
    )
    await drawer.getByRole('button', { name: 'Next customer' }).click()
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(names[3]!)
    await expect(drawer.getByText('4 of 50')).toBeVisible()
    await page.keyboard.press('Alt+ArrowDown')
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(names[4]!)
    await page.keyboard.press('Alt+ArrowUp')
    await page.keyboard.press('Alt+ArrowUp')
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(names[2]!)
    await drawer.getByRole('button', { name: 'Next customer' }).click()
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(names[3]!)

    // Esc closes; focus is back on the table, on the customer shown last.
    await page.keyboard.press('Escape')
    await expect(drawer).toHaveCount(0)
    const grid = page.getByRole('grid', { name: 'Customers' })
    await expect(grid).toBeFocused()
    await expect(gridRows(page).nth(3)).toHaveAttribute('aria-selected', 'true')

    // The keyboard opens it too, and the close button closes it.
    await grid.press('Enter')
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(names[3]!)
    await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused()
    // "Show all fields" is remembered from one drawer to the next.
    await expect(showAll).toHaveAttribute('aria-pressed', 'true')
    await expect(field('Base calls per second').locator('dd')).toHaveText('—')
    await drawer.getByRole('button', { name: 'Close customer details' }).click()
    await expect(drawer).toHaveCount(0)
    await expect(grid).toBeFocused()
  })

  test('copies credentials through main, clears the clipboard, reveals for 15 s — never leaking the token', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    // The shortest delay the setting allows (10–120 s, on the Settings screen), so the test waits
    // 10 s, not 30.
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Settings' }).click()
    const delay = page.getByLabel('Clear copied secrets after (seconds)')
    await expect(delay).toHaveValue('30')
    await delay.fill('10')
    await page
      .getByRole('form', { name: 'Clipboard' })
      .getByRole('button', { name: 'Save' })
      .click()
    await nav.getByRole('button', { name: 'Customers' }).click()
    const row = gridRows(page).first()
    const authId = (await row.getAttribute('data-auth-id'))!
    const { auth_token: token } = await accountOf(api, authId)
    await row.click()
    const drawer = page.getByTestId('customer-drawer')
    await expect(drawer.getByTestId('drawer-fresh')).toBeVisible()
    await expect(drawer.getByText('Saved encrypted on this computer')).toBeVisible()
    await expect
      .poll(
        async () => (await bridgeInvoke<Settings>(bridge, 'settings:get')).clipboardClearSeconds,
      )
      .toBe(10)

    // Copy: main writes the clipboard, with the marker that keeps it out of clipboard history.
    await drawer.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect(drawer.getByTestId('clipboard-toast')).toContainText(
      new RegExp(`Auth Token of ${authId} copied. The clipboard is cleared in (10|9) s`),
    )
    let clipboard = await bridgeClipboard(bridge)
    expect(clipboard.text).toBe(token)
    expect(clipboard.formats).toEqual([
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    ])
    // The token never came to the page: not in the DOM, not anywhere in its memory.
    expect(await page.content()).not.toContain(token)
    expect(await heapContains(page, token)).toBe(false)

    // The user copies something else before the timer: it is left alone.
    await copyElsewhere(bridge, 'a note of my own')
    await expect(drawer.getByTestId('clipboard-toast')).toContainText('left it alone', {
      timeout: 15_000,
    })
    expect((await bridgeClipboard(bridge)).text).toBe('a note of my own')

    // Environment variables, then Reveal while the clipboard timer runs.
    await drawer.getByRole('button', { name: 'Copy as environment variables' }).click()
    await expect(drawer.getByTestId('clipboard-toast')).toContainText('Environment variables')
    clipboard = await bridgeClipboard(bridge)
    expect(clipboard.text).toBe(`VOBIZ_AUTH_ID=${authId} VOBIZ_AUTH_TOKEN=${token}`)
    await drawer.getByRole('button', { name: 'Reveal Auth Token' }).click()
    await expect(drawer.getByTestId('revealed-token')).toHaveText(token)
    await expect(drawer.getByText(/Hides in \d+ s/)).toBeVisible()
    // The picture must not hold the token: it is masked.
    await screenshotBothThemes(page, 'customer-drawer-revealed', {
      fullPage: false,
      mask: [drawer.getByTestId('revealed-token')],
    })

    // 10 s after the copy the clipboard is cleared (it still held the secret)…
    await expect(drawer.getByTestId('clipboard-toast')).toContainText('Clipboard cleared', {
      timeout: 15_000,
    })
    expect((await bridgeClipboard(bridge)).text).toBe('')
    // …and 15 s after the reveal the token is masked again and gone from the page.
    await expect(drawer.getByTestId('revealed-token')).toHaveCount(0, { timeout: 10_000 })
    await expect(drawer.getByLabel('Auth Token, hidden')).toBeVisible()
    expect(await page.content()).not.toContain(token)
    await expectAccessible(page)

    // Nothing the app wrote holds the token in plain text (the sync stored it, encrypted).
    await bridge.stop()
    expect(filesContaining(bridge.dataDir, token)).toEqual([])
  })

  test('one balance, and a ledger that fits the drawer: the PD- reference cut with a tooltip, no sideways scroll', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const row = gridRows(page).first()
    const authId = (await row.getAttribute('data-auth-id'))!
    // A top-up made from here: its description carries the note and the PD- reference.
    const note = 'Invoice 7 for the quarterly calling plan of the northern region offices'
    const transfer = await bridgeInvoke<{ reference: string }>(bridge, 'transfers:create', {
      authId,
      amount: '12.5',
      note,
    })
    expect(transfer.reference).toMatch(/^PD-/)
    await row.click()
    const drawer = page.getByTestId('customer-drawer')
    await expect(drawer.getByTestId('drawer-fresh')).toBeVisible()
    const balance = (await accountOf(api, authId))['cash_credits'] as string

    // One balance in the drawer, from one source (the balance section), not a second "Cash credits".
    await expect(drawer.getByTestId('customer-balance-amount')).toHaveText(
      formatMoney(balance, 'INR'),
    )
    await expect(drawer.getByText('Cash credits')).toHaveCount(0)
    await expect(drawer.getByTestId('customer-balance')).toContainText(
      /Read [^.]+\. Refreshed every 10 s\./,
    )

    await drawer.getByText('Transactions', { exact: true }).click()
    const ledger = drawer.getByTestId('customer-ledger')
    const first = ledger.getByTestId('ledger-row').first()
    await expect(first).toContainText(note.slice(0, 12))
    // The whole description, reference included, is in the tooltip of the cut text.
    await expect(first.locator(`[title*="${transfer.reference}"]`)).toHaveCount(1)
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size)
      const wrap = ledger.getByRole('region', { name: /Transactions of/ })
      const overflow = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      const body = drawer.locator('.drawer-body')
      expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
      await first.scrollIntoViewIfNeeded()
      await screenshotBothThemes(page, `customer-drawer-ledger-${size.width}`, { fullPage: false })
    }
    await expectAccessible(page)
  })

  test('offline: the saved record with a stale mark, and copy from the encrypted store', async ({
    page,
    bridge,
    api,
  }) => {
    await openApiCustomers(page, bridge, api)
    const opened = gridRows(page).nth(1)
    const openedId = (await opened.getAttribute('data-auth-id'))!
    const neverOpenedId = (await gridRows(page).nth(4).getAttribute('data-auth-id'))!
    const truth = await accountOf(api, openedId)
    await opened.click()
    const drawer = page.getByTestId('customer-drawer')
    await expect(drawer.getByTestId('drawer-fresh')).toBeVisible()
    await page.keyboard.press('Escape')

    // Vobiz goes away.
    await setSandboxFaults(api.baseUrl, [{ kind: 'drop' }])
    await opened.click()
    await expect(drawer.getByTestId('drawer-stale')).toContainText(
      'the record saved on this computer',
      { timeout: 30_000 },
    )
    const field = (label: string) =>
      drawer.locator('.detail-item').filter({ has: page.getByText(label, { exact: true }) })
    await expect(field('API ID').locator('dd')).toHaveText(String(truth['api_id']))
    // The token was saved (encrypted) by the sync: copying works offline.
    await drawer.getByRole('button', { name: 'Copy Auth Token' }).click()
    await expect(drawer.getByTestId('clipboard-toast')).toContainText('copied')
    expect((await bridgeClipboard(bridge)).text).toBe(truth.auth_token)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customer-drawer-offline', { fullPage: false })

    // A customer never opened: what the list knows, the rest "—".
    await page.keyboard.press('Escape')
    await page.locator(`[role="row"][data-auth-id="${neverOpenedId}"]`).click()
    await expect(drawer.getByTestId('drawer-stale')).toContainText('only what the customer list')
    await expect(field('API ID')).toHaveCount(0)
    await drawer.getByRole('button', { name: 'Show all fields' }).click()
    await expect(field('API ID').locator('dd')).toHaveText('—')
    await expect(drawer.getByTestId('drawer-auth-id')).toHaveText(neverOpenedId)
  })
})
