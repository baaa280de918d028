import { describe, expect, it } from 'vitest'
import { restoreWindowState, saveWindowState } from '../../../electron/main/platform/window-state'
import { createConfStore } from '../../support/conf-store'
import { makeTempDir } from '../../support/temp-dir'

const display = { x: 0, y: 0, width: 1920, height: 1080 }

describe('window state', () => {
  it('round-trips through the store on disk', () => {
    const dir = makeTempDir()
    saveWindowState(createConfStore(dir), { x: 100, y: 80, width: 1200, height: 800 }, false)
    expect(restoreWindowState(createConfStore(dir), [display])).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 800,
      maximized: false,
    })
  })

  it('moves a window saved on a display that is gone back onto the first one', () => {
    const store = createConfStore(makeTempDir())
    saveWindowState(store, { x: 4000, y: 100, width: 1200, height: 800 }, true)
    expect(restoreWindowState(store, [display])).toMatchObject({ x: 0, y: 0, maximized: true })
  })

  it('ignores garbage', () => {
    const store = createConfStore(makeTempDir())
    store.set('windowState', { x: 'a', width: -5 })
    expect(restoreWindowState(store, [display])).toBeNull()
  })
})
