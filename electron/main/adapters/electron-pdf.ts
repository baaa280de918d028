import { BrowserWindow, session } from 'electron'
import type { PdfPort } from '../usage/statement-service'

const PARTITION = 'pdf-render'

/**
 * Renders self-contained HTML to a PDF in a hidden, sandboxed window without JavaScript, in its
 * own in-memory session that loads nothing but the data: URL itself.
 */
export function createElectronPdf(): NonNullable<PdfPort> {
  let guarded = false
  return async (html) => {
    const pdfSession = session.fromPartition(PARTITION)
    if (!guarded) {
      pdfSession.webRequest.onBeforeRequest((details, callback) =>
        callback({ cancel: !details.url.startsWith('data:') }),
      )
      pdfSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
      guarded = true
    }
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        partition: PARTITION,
        disableBlinkFeatures: 'Auxclick',
      },
    })
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 },
      })
      return new Uint8Array(pdf)
    } finally {
      window.destroy()
    }
  }
}
