import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { RENDERER_STORAGE_DIR } from './run-dirs'

/** What a page keeps in sessionStorage (per tab, so not in the context's storage state). */
async function sessionStorageOf(context: BrowserContext): Promise<unknown[]> {
  const dumps: unknown[] = []
  for (const page of context.pages()) {
    if (page.isClosed()) continue
    const entries = await page
      .evaluate(() => Object.entries(sessionStorage))
      .catch((error: unknown) => `unreadable: ${String(error)}`)
    dumps.push({ url: page.url(), sessionStorage: entries })
  }
  return dumps
}

/**
 * Writes the renderer's storage of a test (localStorage and IndexedDB of every origin, and each
 * open page's sessionStorage) to a file under the scanned user-data root.
 */
export async function dumpRendererStorage(context: BrowserContext, testId: string): Promise<void> {
  const state = await context.storageState({ indexedDB: true }).catch((error: unknown) => ({
    unreadable: String(error),
  }))
  const pages = await sessionStorageOf(context)
  mkdirSync(RENDERER_STORAGE_DIR, { recursive: true })
  writeFileSync(
    join(RENDERER_STORAGE_DIR, `${testId.replace(/[^\w-]/g, '_')}.json`),
    JSON.stringify({ state, pages }, null, 1),
  )
}
