import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, screen, session, type BrowserWindow } from 'electron'
import { rendererUrlFor } from './app-protocol'
import { createAppServices } from './app-services'
import { registerAppScheme, serveAppScheme } from './adapters/app-protocol'
import {
  createApiFetch,
  createElectronStore,
  createChooseFolder,
  createSaveFile,
  createSaveTarget,
  electronClipboard,
  electronSafeStorage,
  openExternal,
  userDataPath,
} from './adapters/electron-ports'
import { createElectronPdf } from './adapters/electron-pdf'
import { createElectronNotifications, createElectronTray } from './adapters/electron-notify'
import { registerIpc, sendEvent } from './ipc-main'
import { installApplicationMenu } from './menu'
import { createFileLogger } from './platform/logger'
import { systemClock, systemScheduler } from './platform/ports'
import { createSandboxLauncher } from './platform/sandbox-launcher'
import { restoreWindowState, saveWindowState } from './platform/window-state'
import { createMainWindow, denyPermissions } from './window'
import { createWindowLifecycle } from './window-lifecycle'

const here = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererRoot = join(here, '../renderer')
// The dev server in development; else the built renderer on app://partner-desk/ (never file://).
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererUrl = rendererUrlFor(devServerUrl)

// Lets tests (and power users) run the app on a throwaway profile folder.
const userDataOverride = process.env['PARTNER_DESK_USER_DATA']
if (userDataOverride) app.setPath('userData', userDataOverride)

// Before ready: app:// becomes a standard, secure scheme (its own origin, fetch, code cache).
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void start()
}

async function start(): Promise<void> {
  app.enableSandbox()
  await app.whenReady()

  const logger = createFileLogger({ file: join(userDataPath(), 'logs', 'main.log') })
  const store = createElectronStore()
  const sandbox = createSandboxLauncher()
  // Closing hides the window in the tray when the setting says so (read at each close).
  let closeToTray = () => false
  const windows = createWindowLifecycle<BrowserWindow>({
    open: () => {
      const displays = screen.getAllDisplays().map((d) => d.workArea)
      const opened = createMainWindow({
        preloadPath,
        rendererUrl,
        state: restoreWindowState(store, displays),
      })
      opened.on('close', () =>
        saveWindowState(store, opened.getNormalBounds(), opened.isMaximized()),
      )
      return opened
    },
    closeToTray: () => closeToTray(),
  })
  const window = () => windows.current()
  const showWindow = () => void windows.show()

  // The window uses the default session: it serves app:// and denies every permission.
  const appSession = session.defaultSession
  denyPermissions(appSession)
  if (!devServerUrl) await serveAppScheme(appSession, rendererRoot)

  const services = createAppServices({
    store,
    safeStorage: electronSafeStorage,
    clipboard: electronClipboard,
    fetch: createApiFetch(store.get('networkDirect') === true),
    sandbox,
    openExternal,
    logger,
    clock: systemClock,
    scheduler: systemScheduler,
    dataDir: userDataPath(),
    saveFile: createSaveFile(window),
    chooseFolder: createChooseFolder(window),
    saveTarget: createSaveTarget(window),
    pdf: createElectronPdf(),
    notifications: createElectronNotifications(showWindow),
    tray: createElectronTray({ open: showWindow, quit: () => app.quit() }),
    emit: (event, payload) => sendEvent(window(), event, payload),
  })
  closeToTray = () => services.settings.get().closeToTray
  registerIpc({ invoke: services.invoke, window, rendererUrl, logger })
  installApplicationMenu(process.platform)

  windows.open()
  services.start()
  logger.info('started', { version: app.getVersion() })

  app.on('second-instance', showWindow)
  // macOS: the Dock icon brings back a window closed (or hidden in the tray).
  app.on('activate', showWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // A secret still on the clipboard is cleared before the app goes (if it is still there).
  let clipboardChecked = false
  app.on('before-quit', (event) => {
    // Quitting (tray menu, app menu, the OS): the window closes for real.
    windows.quitting()
    if (clipboardChecked || !services.clipboardPending()) return
    event.preventDefault()
    clipboardChecked = true
    void services.clearClipboard().finally(() => app.quit())
  })
  app.on('will-quit', () => {
    services.stop()
    void sandbox.close()
  })
}
