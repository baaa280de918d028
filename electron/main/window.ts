import { BrowserWindow, shell, type Session, type WebContents } from 'electron'
import { originOf } from './app-protocol'
import { isAllowedExternalUrl } from './ipc/handlers'
import { DEFAULT_WINDOW_SIZE, type WindowState } from './platform/window-state'

export type MainWindowOptions = {
  preloadPath: string
  /** Where the renderer is loaded from: the dev server URL or app://partner-desk/index.html. */
  rendererUrl: string
  state: WindowState | null
}

/**
 * Blocks navigation away from the app's page (to another page of the same origin too), and opens
 * only allow-listed https links, externally.
 */
export function guardNavigation(contents: WebContents, rendererUrl: string): void {
  const appOrigin = originOf(rendererUrl)
  contents.on('will-navigate', (event, url) => {
    if (appOrigin === null || originOf(url) !== appOrigin || url !== rendererUrl) {
      event.preventDefault()
    }
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** The renderer needs no camera, notifications or anything else a page may ask for. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options
  const window = new BrowserWindow({
    width: state?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: state?.height ?? DEFAULT_WINDOW_SIZE.height,
    ...(state ? { x: state.x, y: state.y } : {}),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Partner Desk',
    backgroundColor: '#f7f8fa',
    // A literal, so security scanners (electronegativity) can read every setting.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  })
  if (state?.maximized) window.maximize()
  guardNavigation(window.webContents, options.rendererUrl)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.rendererUrl)
  return window
}
