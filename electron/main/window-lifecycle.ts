/** The part of a BrowserWindow the lifecycle uses (a fake one in tests). */
export type LifecycleWindow = {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  on(event: 'closed', listener: () => void): unknown
  hide(): void
  show(): void
  focus(): void
  restore(): void
  isMinimized(): boolean
}

/**
 * The main window over the app's life: opened (again) on demand, and, with close to tray on,
 * hidden instead of closed, so main keeps watching; once the app quits (tray menu, app menu,
 * the OS), closing really closes.
 */
export function createWindowLifecycle<W extends LifecycleWindow>(deps: {
  open: () => W
  closeToTray: () => boolean
}) {
  let window: W | null = null
  let quitting = false

  function open(): W {
    const opened = deps.open()
    window = opened
    opened.on('close', (event) => {
      if (quitting || !deps.closeToTray()) return
      event.preventDefault()
      opened.hide()
    })
    opened.on('closed', () => {
      if (window === opened) window = null
    })
    return opened
  }

  return {
    current: (): W | null => window,
    open,
    /** Brings the window to the front: opened again if it was closed, restored if minimised. */
    show(): W {
      const shown = window ?? open()
      if (shown.isMinimized()) shown.restore()
      shown.show()
      shown.focus()
      return shown
    },
    /** The app is quitting (before-quit): closing the window no longer hides it. */
    quitting(): void {
      quitting = true
    },
  }
}
