import { z } from 'zod'
import type { KeyValueStore } from './ports'

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>
export type Rect = { x: number; y: number; width: number; height: number }

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 }
const KEY = 'windowState'

/** The saved bounds, if they are valid and still at least partly on one of the displays. */
export function restoreWindowState(store: KeyValueStore, displays: Rect[]): WindowState | null {
  const parsed = windowStateSchema.safeParse(store.get(KEY))
  if (!parsed.success) return null
  const state = parsed.data
  const visible = displays.some(
    (d) =>
      state.x < d.x + d.width - 50 &&
      state.x + state.width > d.x + 50 &&
      state.y >= d.y - 10 &&
      state.y < d.y + d.height - 50,
  )
  return visible ? state : { ...state, x: displays[0]?.x ?? 0, y: displays[0]?.y ?? 0 }
}

export function saveWindowState(store: KeyValueStore, bounds: Rect, maximized: boolean): void {
  const parsed = windowStateSchema.safeParse({ ...bounds, maximized })
  if (parsed.success) store.set(KEY, parsed.data)
}
