import { chromium, type Browser } from '@playwright/test'
import type { PdfPort } from '../../electron/main/usage/statement-service'

/**
 * The PDF port of the web bridge and the tests: the same HTML through headless Chromium's own
 * printing (what Electron's printToPDF uses), JavaScript off. One browser, started on first use.
 */
export function createChromiumPdf(): NonNullable<PdfPort> & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null
  const render = async (html: string) => {
    browser ??= chromium.launch({
      ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
    })
    const context = await (await browser).newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await page.setContent(html)
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }))
    } finally {
      await context.close()
    }
  }
  return Object.assign(render, {
    close: async () => {
      if (browser) await (await browser).close()
    },
  })
}
