import { expect, type Page } from '@playwright/test'

/** The window sizes the workspace is checked at, and the two themes. */
export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]
export const THEMES = ['light', 'dark'] as const

type Box = { x: number; y: number; width: number; height: number }

/** As much of the DOM as the checks below read (the test project has no DOM lib). */
type Rect = Box & { top: number; bottom: number }
type DomElement = {
  getBoundingClientRect(): Rect
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  clientTop: number
  clientHeight: number
  clientWidth: number
  scrollHeight: number
  scrollWidth: number
  dataset: Record<string, string | undefined>
}
export type DomWindow = {
  innerHeight: number
  document: { documentElement: DomElement; activeElement: unknown } & DomElement
}

/** Data rows whose whole box is inside the grid's scroll viewport and the window. */
export async function rowsVisible(page: Page): Promise<number> {
  return page.getByRole('grid', { name: 'Customers' }).evaluate((element) => {
    const grid = element as unknown as DomElement
    const { innerHeight } = globalThis as unknown as DomWindow
    const view = grid.getBoundingClientRect()
    const header = grid.querySelector('[role="row"]')!.getBoundingClientRect()
    const top = Math.max(view.top, header.bottom)
    const bottom = Math.min(view.top + grid.clientTop + grid.clientHeight, innerHeight)
    return Array.from(grid.querySelectorAll('[role="row"][aria-selected]')).filter((row) => {
      const box = row.getBoundingClientRect()
      return box.top >= top - 0.5 && box.bottom <= bottom + 0.5
    }).length
  })
}

/** The page and the workspace scroll neither way: the grid is the one scroll container. */
export async function scrollState(page: Page) {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as DomWindow
    const root = document.documentElement
    const main = document.querySelector('main.workspace')!
    return {
      pageX: root.scrollWidth - root.clientWidth,
      pageY: root.scrollHeight - root.clientHeight,
      mainY: main.scrollHeight - main.clientHeight,
      mainX: main.scrollWidth - main.clientWidth,
    }
  })
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5

/**
 * The partner strip's slots and the badges in them: no two boxes overlap, and nothing spills
 * out of its slot. Returns the slots' boxes by name.
 */
export async function expectStripClean(page: Page): Promise<Record<string, Box>> {
  const strip = page.getByTestId('partner-strip')
  const parts = await strip.evaluate((element) =>
    Array.from((element as unknown as DomElement).querySelectorAll('[data-slot]')).map((part) => {
      const r = part.getBoundingClientRect()
      return {
        name: part.dataset['slot']!,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        spills:
          part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1,
      }
    }),
  )
  const slots = parts.filter((p) => p.name !== 'verified')
  expect(slots.map((p) => p.name)).toEqual([
    'identity',
    'balance',
    'change',
    'status',
    'refresh',
    'profile',
  ])
  for (const part of slots) expect(part.spills, `${part.name} spills out of its slot`).toBe(false)
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      expect(overlaps(slots[i]!.box, slots[j]!.box), `${slots[i]!.name} × ${slots[j]!.name}`).toBe(
        false,
      )
    }
  }
  // The badges inside their slots: the verified badge does not run under the next slot.
  const identity = slots[0]!.box
  for (const badge of parts.filter((p) => p.name === 'verified')) {
    expect(badge.box.x + badge.box.width).toBeLessThanOrEqual(identity.x + identity.width + 0.5)
  }
  return Object.fromEntries(slots.map((p) => [p.name, p.box]))
}

export async function expectLayoutAtEverySize(page: Page, state: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme })
      await expectStripClean(page)
      const scroll = await scrollState(page)
      expect(scroll, `${state} at ${size.width}×${size.height} ${colorScheme}`).toEqual({
        pageX: 0,
        pageY: 0,
        mainY: 0,
        mainX: 0,
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
