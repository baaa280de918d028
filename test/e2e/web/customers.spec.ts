import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CSV_COLUMNS, type CustomerRow } from '../../../shared/customers'
import { compareMoney, parseMoney } from '../../../shared/money'
import { MINUS, formatMoney } from '../../../shared/money-format'
import { formatPhone } from '../../../shared/phone-format'
import {
  bridgeSandboxUrl,
  cachedCustomers,
  columnTexts,
  expectedMatches,
  fold,
  gridRows,
  highlightedTexts,
  openSandboxCustomers,
  parseCsv,
  setSandboxFaults,
} from '../support/customers'
import {
  expect,
  expectAccessible,
  screenshotAtSizes,
  screenshotBothThemes,
  test,
} from '../support/fixtures'
import { signInManually } from '../support/sign-in'
import { startBridgeProcess } from '../support/bridge-process'

const count = (n: number) => new Intl.NumberFormat('en-US').format(n)
const collator = new Intl.Collator('en-US', { numeric: true })
const NAME = 1
const AUTH_ID = 5

test.describe('customers', () => {
  test('shows the synced customers after sign-in, accessible in both themes', async ({
    page,
    bridge,
  }) => {
    await openSandboxCustomers(page, bridge)
    const { rows } = await cachedCustomers(bridge)
    expect(rows.length).toBe(300)
    await expect(page.getByTestId('customers-count')).toHaveText(`300 of 300 customers`)
    const grid = page.getByRole('grid', { name: 'Customers' })
    await expect(grid).toHaveAttribute('aria-rowcount', '301')
    await expect(gridRows(page).first()).toHaveAttribute('aria-rowindex', '2')
    // Virtual rows: only those near the viewport are in the DOM.
    expect(await gridRows(page).count()).toBeLessThan(60)
    await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    // The balance of the first row, exact and with its currency, as the shared helpers format it.
    const firstName = (await columnTexts(page, NAME, 1))[0]
    const first = rows.find((row) => row.name === firstName)!
    await expect(gridRows(page).first()).toContainText(first.authId)
    // Money by the one rule: the currency's decimals in the cell, the exact figure in its
    // tooltip; the phone in the international format.
    const balanceCell = gridRows(page).first().locator('.col-balance')
    await expect(balanceCell).toHaveText(formatMoney(first.balance, first.currency, 'table'))
    await expect(balanceCell).toHaveAttribute('title', formatMoney(first.balance, first.currency))
    if (first.phone) {
      await expect(gridRows(page).first().locator('.col-phone')).toHaveText(
        formatPhone(first.phone),
      )
    }
    // Every visible balance has exactly its currency's 2 decimals and no hyphen for a minus.
    for (const text of await page
      .locator('[role="row"] .col-balance[role="gridcell"]')
      .allInnerTexts()) {
      expect(text).toMatch(new RegExp(`^${MINUS}?\\D*[\\d,]+\\.\\d{2}(\\s|$)`))
    }
    await expect(page.getByTestId('customers-synced')).toContainText(
      /Synced (just now|1 minute ago)/,
    )
    await expectAccessible(page)
    await screenshotAtSizes(page, 'customers-table')
  })

  test('search is accent- and case-insensitive, highlights matches and says N of M', async ({
    page,
    bridge,
  }) => {
    await openSandboxCustomers(page, bridge)
    const { rows } = await cachedCustomers(bridge)
    // An accented customer of the sandbox, typed without its accents and in other case.
    const accented = rows.find((row) => fold(row.name) !== row.name.toLowerCase())!
    expect(accented).toBeTruthy()
    const typed = fold(accented.name).toUpperCase()
    const expected = expectedMatches(rows, typed)

    // Ctrl+F focuses the search box (Ctrl+K is the command palette).
    await page.keyboard.press('Control+f')
    await expect(page.getByLabel('Search customers')).toBeFocused()
    await page.keyboard.type(typed)
    await expect(page.getByTestId('customers-count')).toHaveText(
      `${count(expected.length)} of 300 customers`,
    )
    const shown = await columnTexts(page, NAME, Math.min(expected.length, 5))
    for (const name of shown) expect(fold(name)).toContain(fold(accented.name))
    // The typed name is highlighted in its accented spelling, in the name cell and nowhere else
    // in that row that does not hold it.
    const [firstName, lastName] = accented.name.split(' ')
    await expect
      .poll(() => highlightedTexts(gridRows(page).first()))
      .toEqual(expect.arrayContaining([firstName, lastName]))
    for (const text of await highlightedTexts(gridRows(page).first())) {
      expect(fold(text)).toMatch(new RegExp(`^(${fold(firstName!)}|${fold(lastName!)})$`))
    }
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customers-search')

    // Several terms must all match, in any field: a first name and part of an auth id.
    const other = rows[7]!
    const twoTerms = `${other.authId.slice(3, 7).toLowerCase()} ${other.name.split(' ')[0]}`
    await page.getByLabel('Search customers').fill(twoTerms)
    await expect(page.getByTestId('customers-count')).toHaveText(
      `${count(expectedMatches(rows, twoTerms).length)} of 300 customers`,
    )
    await expect(gridRows(page).first()).toContainText(other.authId)

    // Esc clears the search.
    await page.getByLabel('Search customers').press('Escape')
    await expect(page.getByLabel('Search customers')).toHaveValue('')
    await expect(page.getByTestId('customers-count')).toHaveText('300 of 300 customers')

    // No matches: says so, and offers to clear.
    await page.getByLabel('Search customers').fill('no such customer zzqx')
    await expect(page.getByTestId('customers-count')).toHaveText('0 of 300 customers')
    await expect(page.getByRole('heading', { name: 'No customers match' })).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customers-no-match')
    await page.getByRole('button', { name: 'Clear search and filters' }).click()
    await expect(page.getByTestId('customers-count')).toHaveText('300 of 300 customers')
    await expect(page.getByLabel('Search customers')).toBeFocused()
  })

  test('sorts by a column header, stable and exact', async ({ page, bridge }) => {
    await openSandboxCustomers(page, bridge)
    const { rows } = await cachedCustomers(bridge)
    const grid = page.getByRole('grid', { name: 'Customers' })

    // Name: ascending first (the default), then descending on a click; ties keep the cache order.
    const byName = rows.toSorted((a, b) => collator.compare(a.name, b.name))
    expect(await columnTexts(page, AUTH_ID, 8)).toEqual(byName.slice(0, 8).map((r) => r.authId))
    await grid.getByRole('button', { name: 'Name' }).click()
    await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    const byNameDown = rows.toSorted((a, b) => collator.compare(b.name, a.name))
    expect(await columnTexts(page, AUTH_ID, 8)).toEqual(byNameDown.slice(0, 8).map((r) => r.authId))

    // Balance: by currency, then largest first, compared exactly (never as floats); customers
    // without one last.
    await grid.getByRole('button', { name: 'Balance' }).click()
    await expect(grid.getByRole('columnheader', { name: 'Balance' })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(grid.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort')
    const byBalance = rows.toSorted(byMoney('descending'))
    expect(await columnTexts(page, AUTH_ID, 8)).toEqual(byBalance.slice(0, 8).map((r) => r.authId))
    await grid.getByRole('button', { name: 'Balance' }).click()
    await expect(grid.getByRole('columnheader', { name: 'Balance' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    const byBalanceUp = rows.toSorted(byMoney('ascending'))
    expect(await columnTexts(page, AUTH_ID, 8)).toEqual(
      byBalanceUp.slice(0, 8).map((r) => r.authId),
    )
    await screenshotAtSizes(page, 'customers-sorted-by-balance')
  })

  test('filters by KYC status, enabled and low balance, with a validated threshold', async ({
    page,
    bridge,
  }) => {
    await openSandboxCustomers(page, bridge)
    const { rows } = await cachedCustomers(bridge)
    const countShown = page.getByTestId('customers-count')

    await page.getByRole('combobox', { name: 'KYC' }).selectOption('rejected')
    const rejected = rows.filter((r) => r.kycStatus === 'rejected')
    await expect(countShown).toHaveText(`${count(rejected.length)} of 300 customers`)

    await page.getByRole('combobox', { name: 'Status' }).selectOption('disabled')
    const rejectedDisabled = rejected.filter((r) => r.enabled === false)
    await expect(countShown).toHaveText(`${count(rejectedDisabled.length)} of 300 customers`)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(countShown).toHaveText('300 of 300 customers')

    // Low balance: below the threshold from settings (100 by default), exactly, and only for
    // customers in the wallet's currency (rupees): 50 dollars are not "under 100.00".
    await page.getByRole('checkbox', { name: 'Low balance' }).check()
    const below = (limit: string) =>
      rows.filter((r) => {
        const balance = parseMoney(r.balance)
        return (
          r.currency === 'INR' && balance !== null && compareMoney(balance, parseMoney(limit)!) < 0
        )
      })
    expect(
      rows.some((r) => r.currency !== 'INR' && parseMoney(r.balance)!.units < 100_00000n),
    ).toBe(true)
    await expect(countShown).toHaveText(`${count(below('100').length)} of 300 customers`)

    // The threshold, on the Settings screen: refused when it is not a plain amount, saved through
    // main when it is, and the filter follows.
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('button', { name: 'Settings' }).click()
    const balances = page.getByRole('form', { name: 'Balances' })
    const field = page.getByLabel('Customer low balance under')
    await field.fill('ten rupees')
    await balances.getByRole('button', { name: 'Save' }).click()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Use a plain amount such as 100 or 250.50.')).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customers-threshold')
    await field.fill('50.5')
    await balances.getByRole('button', { name: 'Save' }).click()
    await expect(balances.getByRole('status')).toHaveText('Saved.')
    await nav.getByRole('button', { name: 'Customers' }).click()
    await expect(page.getByText('Low balance (under ₹50.50)')).toBeVisible()
    await expect(countShown).toHaveText(`${count(below('50.5').length)} of 300 customers`)

    // Another currency's own threshold: its customers are compared with it, and only with it.
    await nav.getByRole('button', { name: 'Settings' }).click()
    const perCurrency = page.getByRole('form', { name: 'Low balance by currency' })
    const usd = perCurrency.getByLabel('USD customers low under')
    await usd.fill('5 dollars')
    await perCurrency.getByRole('button', { name: 'Save' }).click()
    await expect(usd).toHaveAttribute('aria-invalid', 'true')
    await usd.fill('500')
    await perCurrency.getByRole('button', { name: 'Save' }).click()
    await expect(perCurrency.getByRole('status')).toHaveText('Saved.')
    await nav.getByRole('button', { name: 'Customers' }).click()
    await expect(page.getByText('Low balance (under ₹50.50, $500.00)')).toBeVisible()
    const usdBelow = rows.filter((r) => {
      const balance = parseMoney(r.balance)
      return r.currency === 'USD' && balance !== null && balance.units < 500_00000n
    })
    expect(usdBelow.length).toBeGreaterThan(0)
    await expect(countShown).toHaveText(
      `${count(below('50.5').length + usdBelow.length)} of 300 customers`,
    )
    const settings = await (
      await fetch(new URL('/__bridge/ipc/settings%3Aget', bridge.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Bridge': '1' },
        body: '{}',
      })
    ).json()
    expect(settings).toMatchObject({ ok: true, value: { lowBalanceThreshold: '50.5' } })
  })

  test('moves the selection with the keyboard and opens a customer with Enter', async ({
    page,
    bridge,
  }) => {
    await openSandboxCustomers(page, bridge)
    const { rows } = await cachedCustomers(bridge)
    const byName = rows.toSorted((a, b) => collator.compare(a.name, b.name))
    const search = page.getByLabel('Search customers')

    // From the search box: ↓ selects the first row, ↓ the next, Enter opens it.
    await search.focus()
    await search.press('ArrowDown')
    await expect(gridRows(page).nth(0)).toHaveAttribute('aria-selected', 'true')
    await search.press('ArrowDown')
    await expect(gridRows(page).nth(1)).toHaveAttribute('aria-selected', 'true')
    await expect(gridRows(page).nth(0)).toHaveAttribute('aria-selected', 'false')
    await search.press('Enter')
    const drawer = page.getByTestId('customer-drawer')
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(byName[1]!.name)
    await expect(drawer.getByTestId('drawer-auth-id')).toHaveText(byName[1]!.authId)
    await page.keyboard.press('Escape')
    await expect(drawer).toHaveCount(0)

    // In the grid: End goes to the last customer and scrolls it into view; Home back up.
    const grid = page.getByRole('grid', { name: 'Customers' })
    await grid.focus()
    await grid.press('End')
    const last = grid.locator('[role="row"][aria-rowindex="301"]')
    await expect(last).toHaveAttribute('aria-selected', 'true')
    await expect(last).toBeInViewport()
    await expect(grid).toHaveAttribute('aria-activedescendant', (await last.getAttribute('id'))!)
    await grid.press('ArrowUp')
    await expect(grid.locator('[role="row"][aria-rowindex="300"]')).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await grid.press('Enter')
    await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(byName[298]!.name)
    await page.keyboard.press('Escape')
    await expect(drawer).toHaveCount(0)
    await expect(grid).toBeFocused()
    await grid.press('Home')
    await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toBeInViewport()
    await screenshotBothThemes(page, 'customers-keyboard')

    // Esc in the grid clears the search; the selection stays on its customer.
    await search.fill(byName[0]!.name)
    await grid.focus()
    await grid.press('Escape')
    await expect(search).toHaveValue('')
  })

  test('exports the filtered, sorted view as CSV', async ({ page, bridge }) => {
    await openSandboxCustomers(page, bridge)
    const { rows } = await cachedCustomers(bridge)
    const query = 'sharma'
    await page.getByLabel('Search customers').fill(query)
    const grid = page.getByRole('grid', { name: 'Customers' })
    await grid.getByRole('button', { name: 'Created' }).click() // newest first
    const expected = expectedMatches(rows, query).toSorted(
      (a, b) => Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? ''),
    )
    await expect(page.getByTestId('customers-count')).toHaveText(
      `${count(expected.length)} of 300 customers`,
    )
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const status = page.getByTestId('export-status')
    await expect(status).toContainText(/Saved \S+\.csv/)
    const fileName = /Saved (\S+\.csv)/.exec((await status.textContent()) ?? '')![1]!
    const csv = (await readFile(join(bridge.dataDir, 'exports', fileName), 'utf8')).replace(
      /^\uFEFF/,
      '',
    )
    const [header, ...records] = parseCsv(csv.trimEnd())
    expect(header).toEqual(CSV_COLUMNS.map(([, label]) => label))
    expect(records.map((record) => record[4])).toEqual(expected.map((r) => r.authId))
    const first = expected[0]!
    expect(records[0]![0]).toBe(first.name)
    expect(records[0]![5]).toBe(first.balance ?? '')
    await expectAccessible(page)
  })

  test('at start-up, shows the cached customers before asking Vobiz for any, then refreshes', async ({
    page,
    api,
  }) => {
    // Main's start-up sync waits for the page's word, or 3 s at most: on a busy machine the page
    // can take longer than that, so this bridge waits up to a minute.
    const bridge = await startBridgeProcess({ startupSyncWaitMs: 60_000 })
    try {
      const accountPages = () => api.state().requests['GET /api/v1/partner/accounts'] ?? 0
      await page.goto(bridge.url)
      await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
      await expect(page.getByTestId('customers-count')).toHaveText('50 of 50 customers')
      await expect(page.getByTestId('customers')).not.toHaveAttribute('data-sync-state', 'syncing')

      // The app quits (its page goes too: left open, it would reconnect to the new main and speak
      // first) and opens again. The page tells main when the cached rows are on screen; held
      // here, that word shows what was on screen and asked of Vobiz until then.
      await page.goto('about:blank')
      await bridge.restart()
      api.reset()
      let atShown: { rowsOnScreen: number; accountPages: number } | null = null
      await page.route('**/__bridge/ipc/customers%3Ashown', async (route) => {
        // The first word only: the page speaks again after the refresh brings a new list.
        if (!atShown) {
          const rowsOnScreen = await gridRows(page).count()
          atShown = { rowsOnScreen, accountPages: accountPages() }
        }
        await route.continue()
      })
      await page.goto(bridge.url)
      await expect.poll(() => atShown).not.toBeNull()
      expect(atShown).toMatchObject({ accountPages: 0 })
      expect(atShown!.rowsOnScreen).toBeGreaterThan(0)
      // Then the start-up refresh runs.
      await expect.poll(accountPages).toBeGreaterThan(0)
    } finally {
      await bridge.stop()
    }
  })

  test('keeps showing the cached customers when the sandbox stops answering', async ({
    page,
    bridge,
  }) => {
    // Main probes an unreachable API with back-off (2 s, 4 s, … up to 30 s) before recovering.
    test.setTimeout(120_000)
    await openSandboxCustomers(page, bridge)
    const sandbox = await bridgeSandboxUrl(bridge)
    // The API goes away: every request's connection is dropped.
    await setSandboxFaults(sandbox, [{ kind: 'drop' }])
    await page.reload()
    await expect(gridRows(page).first()).toBeVisible()
    await expect(page.getByTestId('customers-count')).toHaveText('300 of 300 customers')
    const refresh = page.getByRole('button', { name: 'Refresh customers' })
    // Whether main has noticed yet or not, a refresh now cannot reach the API.
    if ((await refresh.getAttribute('aria-disabled')) !== 'true') await refresh.click()
    const banner = page.getByRole('status').filter({ hasText: 'Offline — showing customers' })
    await expect(banner).toContainText(/Offline — showing customers synced at .+/)
    await expect(refresh).toHaveAttribute('aria-disabled', 'true')
    // Said once by the banner; the button keeps its reason as its description.
    await expect(refresh).toHaveAccessibleDescription('Refresh needs a connection to Vobiz.')
    // The partner's Refresh in the header is off too, with the same reason for screen readers.
    const partnerRefresh = page.getByRole('button', { name: 'Refresh', exact: true })
    await expect(partnerRefresh).toHaveAttribute('aria-disabled', 'true')
    await expect(partnerRefresh).toHaveAccessibleDescription('Refresh needs a connection to Vobiz.')
    await expect(gridRows(page).first()).toBeVisible()
    // Search and sort still work on the cache.
    await page.getByLabel('Search customers').fill('a')
    await expect(page.getByTestId('customers-count')).toHaveText(/\d+ of 300 customers/)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customers-offline')

    // The API is back: main recovers by itself and the page follows its events.
    await setSandboxFaults(sandbox, [])
    await expect(banner).toHaveCount(0, { timeout: 60_000 })
    await expect(refresh).not.toHaveAttribute('aria-disabled', 'true')
  })

  test('shows the progress of the first sync and searches Vobiz until it completes', async ({
    page,
    bridge,
    api,
  }) => {
    const headers = {
      'X-Auth-ID': api.credentials.authId,
      'X-Auth-Token': api.credentials.authToken,
    }
    const list = (await (
      await fetch(`${api.baseUrl}/api/v1/partner/accounts?per_page=100`, { headers })
    ).json()) as { accounts: { name: string }[] }
    const query = list.accounts[0]!.name.split(' ')[0]!
    const found = (await (
      await fetch(
        `${api.baseUrl}/api/v1/partner/accounts?per_page=100&search=${encodeURIComponent(query)}`,
        { headers },
      )
    ).json()) as { total: number }
    // The first customer list request (the sync's first page) takes 12 s (under the client's
    // 15 s timeout): long enough to search meanwhile (the search's own request is not delayed).
    api.setFaults([{ kind: 'latency', ms: 12_000, times: 1, path: '/api/v1/partner/accounts' }])
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    const progress = page.getByRole('progressbar', { name: 'Syncing customers' })
    await expect(progress).toBeVisible()

    const search = page.getByLabel('Search customers')
    await search.fill(query)
    await expect(page.getByTestId('customers-count')).toHaveText(
      new RegExp(`^\\d+ of ${found.total} match(es)? on Vobiz$`),
    )
    await expect(page.getByText('Searching Vobiz directly')).toBeVisible()
    await expect(gridRows(page).first()).toContainText(query)

    await search.press('Escape')
    await expect(page.getByRole('heading', { name: 'Fetching your customers…' })).toBeVisible()
    await expect(progress).toBeVisible()
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customers-first-sync')
    await search.fill(query)

    // The sync completes: the same search now runs over the saved list.
    await expect(progress).toBeHidden({ timeout: 30_000 })
    await expect(page.getByTestId('customers-count')).toHaveText(/^\d+ of 50 customers$/)
    await expect(page.getByText('Searching Vobiz directly')).toHaveCount(0)
  })

  test('says when nothing has been synced yet and the API cannot be reached', async ({
    page,
    bridge,
    api,
  }) => {
    // Sign-in works, but the customer list cannot be read: the first sync never completes.
    api.setFaults([{ kind: 'drop', path: '/api/v1/partner/accounts' }])
    await page.goto(bridge.url)
    await signInManually(page, { ...api.credentials, baseUrl: api.baseUrl })
    await expect(page.getByTestId('partner-auth-id')).toContainText(api.credentials.authId)
    // Then the API goes away altogether (main's probes of /partner/me fail too).
    api.setFaults([{ kind: 'drop' }])
    // Main's last request may have got an answer just before (a probe, the partner balance), and
    // the next one on its own is up to 30 s away; a refresh now cannot reach the API.
    const refresh = page.getByRole('button', { name: 'Refresh customers' })
    if ((await refresh.getAttribute('aria-disabled')) !== 'true') await refresh.click()
    await expect(
      page.getByRole('heading', { name: 'Offline — nothing synced yet for this profile' }),
    ).toBeVisible({ timeout: 30_000 })
    await expect(page.getByLabel('Search customers')).toHaveCount(0)
    await expectAccessible(page)
    await screenshotBothThemes(page, 'customers-never-synced-offline')
  })
})

/** By currency code, then exactly by amount: two currencies are never compared as one number. */
function byMoney(direction: 'ascending' | 'descending') {
  return (a: CustomerRow, b: CustomerRow): number => {
    const x = parseMoney(a.balance)
    const y = parseMoney(b.balance)
    if (!x || !y) return x ? -1 : y ? 1 : 0
    const [first, second] = direction === 'ascending' ? [a, b] : [b, a]
    const [p, q] = direction === 'ascending' ? [x, y] : [y, x]
    const [c, d] = [first.currency ?? '', second.currency ?? '']
    return c !== d ? (c < d ? -1 : 1) : compareMoney(p, q)
  }
}
