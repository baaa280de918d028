import { Menu, Notification, Tray, nativeImage, type NativeImage } from 'electron'
import type { NotificationPort, TrayPort } from '../platform/ports'

/** Electron's notifications; a click brings the window back, then runs the alert's action. */
export function createElectronNotifications(showWindow: () => void): NotificationPort {
  // Held until clicked or closed: a notification collected earlier never answers its click.
  const live = new Set<Notification>()
  return {
    show({ title, body, onClick }) {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      live.add(notification)
      notification.on('click', () => {
        live.delete(notification)
        showWindow()
        onClick()
      })
      notification.on('close', () => live.delete(notification))
      notification.show()
    },
  }
}

/** A filled disc in a ring, black on transparent (BGRA), `size` pixels square. */
function iconBitmap(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  const centre = (size - 1) / 2
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre) / (size / 2)
      const opaque = distance < 0.42 || (distance > 0.68 && distance < 0.92)
      pixels[(y * size + x) * 4 + 3] = opaque ? 255 : 0
    }
  }
  return pixels
}

function trayIcon(): NativeImage {
  const image = nativeImage.createFromBitmap(iconBitmap(16), { width: 16, height: 16 })
  image.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: iconBitmap(32) })
  // macOS draws a template image in the menu bar's own colour (light or dark).
  image.setTemplateImage(true)
  return image
}

/** The tray (menu-bar) icon: its tooltip, its title on macOS, and Open / count / Quit. */
export function createElectronTray(actions: { open: () => void; quit: () => void }): TrayPort {
  const tray = new Tray(trayIcon())
  tray.on('click', actions.open)
  return {
    update({ tooltip, title, countLabel }) {
      tray.setToolTip(tooltip)
      if (process.platform === 'darwin') tray.setTitle(title)
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Open Partner Desk', click: actions.open },
          { label: countLabel, enabled: false },
          { type: 'separator' },
          { label: 'Quit Partner Desk', click: actions.quit },
        ]),
      )
    },
  }
}
