import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

// Only the `electron` module is mocked: it cannot load outside an Electron process.
const electron = vi.hoisted(() => ({
  trays: [] as {
    tooltip: string
    title: string
    menu: { label?: string; enabled?: boolean; click?: () => void }[]
    emit(e: string): void
  }[],
  notifications: [] as {
    options: { title: string; body: string }
    shown: boolean
    emit(e: string): void
  }[],
}))
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class Tray extends EventEmitter {
    tooltip = ''
    title = ''
    menu: unknown[] = []
    constructor() {
      super()
      electron.trays.push(this as never)
    }
    setToolTip(text: string) {
      this.tooltip = text
    }
    setTitle(text: string) {
      this.title = text
    }
    setContextMenu(menu: unknown[]) {
      this.menu = menu
    }
  }
  class Notification extends EventEmitter {
    shown = false
    static isSupported = () => true
    constructor(readonly options: unknown) {
      super()
      electron.notifications.push(this as never)
    }
    show() {
      this.shown = true
    }
  }
  const image = { addRepresentation: () => {}, setTemplateImage: () => {} }
  return {
    Tray,
    Notification,
    nativeImage: { createFromBitmap: () => image },
    Menu: { buildFromTemplate: (template: unknown) => template },
  }
})

const { createElectronNotifications, createElectronTray } =
  await import('../../../electron/main/adapters/electron-notify')
const { createWindowLifecycle } = await import('../../../electron/main/window-lifecycle')
const { quietMinutesLeft } = await import('../../../electron/main/notify/quiet-hours')
const { createTrayStatus, trayView } = await import('../../../electron/main/notify/tray-status')

/** A window that closes like Electron's: `close` may be prevented, else it is gone (`closed`). */
class FakeWindow extends EventEmitter {
  visible = true
  minimized = false
  destroyed = false
  focused = 0
  close() {
    let prevented = false
    this.emit('close', { preventDefault: () => (prevented = true) })
    if (prevented) return
    this.destroyed = true
    this.visible = false
    this.emit('closed')
  }
  hide() {
    this.visible = false
  }
  show() {
    this.visible = true
  }
  focus() {
    this.focused++
  }
  restore() {
    this.minimized = false
  }
  isMinimized() {
    return this.minimized
  }
}

function lifecycle(closeToTray: boolean) {
  const opened: FakeWindow[] = []
  const setting = { closeToTray }
  const windows = createWindowLifecycle({
    open: () => {
      const window = new FakeWindow()
      opened.push(window)
      return window
    },
    closeToTray: () => setting.closeToTray,
  })
  return { windows, opened, setting }
}

describe('close to tray', () => {
  it('off (the default): closing closes the window; showing opens a new one', () => {
    const { windows, opened } = lifecycle(false)
    windows.open().close()
    expect(opened[0]!.destroyed).toBe(true)
    expect(windows.current()).toBeNull()
    windows.show()
    expect(opened).toHaveLength(2)
    expect(windows.current()).toBe(opened[1])
  })

  it('on: closing hides the window, which the tray brings back, restored and focused', () => {
    const { windows, opened } = lifecycle(true)
    const window = windows.open()
    window.close()
    expect(window).toMatchObject({ destroyed: false, visible: false })
    expect(windows.current()).toBe(window)
    window.minimized = true
    windows.show()
    expect(window).toMatchObject({ visible: true, minimized: false, focused: 1 })
    expect(opened).toHaveLength(1)
  })

  it('on: quitting (tray menu or app menu) really closes the window', () => {
    const { windows } = lifecycle(true)
    const window = windows.open()
    windows.quitting()
    window.close()
    expect(window.destroyed).toBe(true)
    expect(windows.current()).toBeNull()
  })

  it('reads the setting at each close', () => {
    const { windows, setting } = lifecycle(false)
    const window = windows.open()
    setting.closeToTray = true
    window.close()
    expect(window.destroyed).toBe(false)
  })
})

describe('quiet hours', () => {
  const night = { enabled: true, start: '22:00', end: '07:00' }
  const at = (time: string) => {
    const [h, m] = time.split(':').map(Number)
    return h! * 60 + m!
  }

  it('wrap midnight: quiet from the start (inclusive) to the end (exclusive)', () => {
    expect(quietMinutesLeft(night, at('21:59'))).toBe(0)
    expect(quietMinutesLeft(night, at('22:00'))).toBe(9 * 60)
    expect(quietMinutesLeft(night, at('23:30'))).toBe(7 * 60 + 30)
    expect(quietMinutesLeft(night, at('00:00'))).toBe(7 * 60)
    expect(quietMinutesLeft(night, at('06:59'))).toBe(1)
    expect(quietMinutesLeft(night, at('07:00'))).toBe(0)
    expect(quietMinutesLeft(night, at('12:00'))).toBe(0)
  })

  it('within a day, and never when off', () => {
    const lunch = { enabled: true, start: '12:30', end: '13:15' }
    expect(quietMinutesLeft(lunch, at('12:29'))).toBe(0)
    expect(quietMinutesLeft(lunch, at('12:30'))).toBe(45)
    expect(quietMinutesLeft(lunch, at('13:15'))).toBe(0)
    expect(quietMinutesLeft({ ...night, enabled: false }, at('23:00'))).toBe(0)
  })
})

describe('the tray', () => {
  it('says the count needing attention and the partner balance', () => {
    const balance = { balance: '1234.50000', currency: 'INR' }
    const money = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'INR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 5,
    }).format(1234.5)
    expect(trayView({ attention: 3, balance })).toEqual({
      tooltip: `Partner Desk\n3 customers need attention\nPartner balance ${money}`,
      title: '3',
      countLabel: '3 customers need attention',
    })
    expect(trayView({ attention: 1, balance: null }).countLabel).toBe('1 customer needs attention')
    expect(trayView({ attention: 0, balance })).toMatchObject({
      title: '',
      countLabel: 'No customer needs attention',
    })
    expect(trayView({ attention: null, balance: null })).toEqual({
      tooltip: 'Partner Desk\nWatchlist not read yet',
      title: '',
      countLabel: 'Watchlist not read yet',
    })
  })

  it('Electron tray: tooltip, title, menu (Open, the count, Quit), updated only on change', () => {
    const calls: string[] = []
    const tray = createElectronTray({
      open: () => calls.push('open'),
      quit: () => calls.push('quit'),
    })
    const status = createTrayStatus(tray)
    status.attention(2)
    status.balance({ balance: '10.00000', currency: 'USD' })
    const [shown] = electron.trays
    expect(shown!.tooltip).toMatch(/^Partner Desk\n2 customers need attention\nPartner balance /)
    expect(shown!.menu.map((item) => item.label ?? '—')).toEqual([
      'Open Partner Desk',
      '2 customers need attention',
      '—',
      'Quit Partner Desk',
    ])
    expect(shown!.menu[1]!.enabled).toBe(false)
    shown!.menu[0]!.click!()
    shown!.menu[3]!.click!()
    shown!.emit('click')
    expect(calls).toEqual(['open', 'quit', 'open'])
  })

  it('Electron notification: a click brings the window back, then opens the customer', () => {
    const calls: string[] = []
    const port = createElectronNotifications(() => calls.push('window'))
    port.show({ title: 'Acme needs attention', body: 'Balance', onClick: () => calls.push('open') })
    const [notification] = electron.notifications
    expect(notification).toMatchObject({
      shown: true,
      options: { title: 'Acme needs attention', body: 'Balance' },
    })
    notification!.emit('click')
    expect(calls).toEqual(['window', 'open'])
  })
})
