import { expect, type Locator, type Page } from '@playwright/test'
import type { CustomersReply } from '../../../shared/customer-tuples'
import type { CustomerRow, CustomersSnapshot } from '../../../shared/customers'
import { snapshotOf } from '../../support/customers'
import type { BridgeProcess } from './bridge-process'

/**
 * Calls a channel of the bridge's handler table from the test process, as the page would (the
 * bridge accepts a request without an Origin header). Used to read what main has cached, so the
 * page can be checked against it.
 */
export async function bridgeInvoke<T>(
  bridge: BridgeProcess,
  channel: string,
  payload: unknown = {},
): Promise<T> {
  const response = await fetch(
    new URL(`/__bridge/ipc/${encodeURIComponent(channel)}`, bridge.url),
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Bridge': '1' },
      body: JSON.stringify(payload),
    },
  )
  const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown }
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

export const cachedCustomers = async (bridge: BridgeProcess): Promise<CustomersSnapshot> =>
  snapshotOf(await bridgeInvoke<CustomersReply>(bridge, 'customers:get'))

/** The base URL of the sandbox the bridge started for "Try the sandbox". */
export async function bridgeSandboxUrl(bridge: BridgeProcess): Promise<string> {
  const response = await fetch(new URL('/__bridge/sandbox', bridge.url))
  const { baseUrl } = (await response.json()) as { baseUrl: string | null }
  if (!baseUrl) throw new Error('the bridge has not started its sandbox')
  return baseUrl
}

/** Replaces the fault rules of a sandbox (its control endpoint; see electron/sandbox/README.md). */
export async function setSandboxFaults(baseUrl: string, faults: unknown[]): Promise<void> {
  const response = await fetch(new URL('/__sandbox/faults', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sandbox-Control': '1' },
    body: JSON.stringify({ faults }),
  })
  if (!response.ok) throw new Error(`setting sandbox faults failed: ${response.status}`)
}

/** Signs in with "Try the sandbox" and waits until the first sync has filled the table. */
export async function openSandboxCustomers(page: Page, bridge: BridgeProcess): Promise<void> {
  await page.goto(bridge.url)
  await page.getByRole('button', { name: 'Try the sandbox' }).click()
  await expect(page.getByTestId('customers-synced')).toContainText('Synced', { timeout: 30_000 })
  await expect(page.getByTestId('customers')).not.toHaveAttribute('data-sync-state', 'syncing')
}

/** The data rows the grid has rendered (virtual: those in and near the viewport), in order. */
export const gridRows = (page: Page) =>
  page.getByRole('grid', { name: 'Customers' }).locator('[role="row"][aria-selected]')

/** Text of the first `count` rendered rows' cells in one column (1-based, as in the grid). */
export async function columnTexts(page: Page, column: number, count: number): Promise<string[]> {
  const rows = gridRows(page)
  const texts: string[] = []
  for (let i = 0; i < count; i++) {
    texts.push(
      (
        await rows
          .nth(i)
          .locator('[role="gridcell"]')
          .nth(column - 1)
          .innerText()
      ).trim(),
    )
  }
  return texts
}

/** Where a node is, and how to read it: as much of the DOM as the checks below use. */
type DomNode = { textContent: string | null; contains(other: DomNode): boolean }
type DomRange = {
  startContainer: DomNode
  startOffset: number
  endContainer: DomNode
  endOffset: number
}

/**
 * The texts the search highlight marks inside an element (the grid, a row), in document order:
 * the ranges of the page's `customer-search` highlight (CSS Custom Highlight API) that lie in it.
 */
export async function highlightedTexts(element: Locator): Promise<string[]> {
  return element.evaluate((root) => {
    const css = globalThis as unknown as {
      CSS: { highlights: { get(name: string): Iterable<DomRange> | undefined } }
    }
    const inside = root as unknown as DomNode
    const texts: string[] = []
    for (const range of css.CSS.highlights.get('customer-search') ?? []) {
      if (range.startContainer !== range.endContainer) throw new Error('a range spans nodes')
      if (!inside.contains(range.startContainer)) continue
      texts.push((range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset))
    }
    return texts
  })
}

/** Accent- and case-insensitive text, written independently of the renderer's own. */
export function fold(text: string): string {
  const letters: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss' }
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øłđæœß]/g, (letter) => letters[letter] ?? letter)
}

/** Which cached customers a search should find: every term in one of the searched fields. */
export function expectedMatches(rows: CustomerRow[], query: string): CustomerRow[] {
  const terms = fold(query).split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    const fields = [row.name, row.company, row.email, row.phone, row.authId]
      .filter((field): field is string => field !== null)
      .map(fold)
    return terms.every((term) => fields.some((field) => field.includes(term)))
  })
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += char
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}
