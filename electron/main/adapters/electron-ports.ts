import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  app,
  clipboard,
  ClipboardItem,
  dialog,
  safeStorage,
  session,
  shell,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import Store from 'electron-store'
import { clipboardPlatform, secretClipboardEntries } from '../platform/clipboard-markers'
import type {
  ChooseFolderPort,
  ClipboardPort,
  FetchPort,
  KeyValueStore,
  SafeStoragePort,
  SaveFilePort,
  SaveTargetPort,
} from '../platform/ports'

/** safeStorage behind the async port; Linux's basic_text backend is reported as such. */
export const electronSafeStorage: SafeStoragePort = {
  async status() {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable'
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'basic_text'
    }
    return 'available'
  },
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: async (cipher) => (await safeStorage.decryptStringAsync(cipher)).result,
}

export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
  writeSecret: (text) => {
    const entries = secretClipboardEntries(text, clipboardPlatform(process.platform))
    const item: Record<string, string | Blob> = {}
    for (const [type, value] of Object.entries(entries)) {
      item[type] = typeof value === 'string' ? value : new Blob([value])
    }
    return clipboard.write([new ClipboardItem(item)])
  },
}

/** electron-store in the user data folder, readable by this user only. */
export function createElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({
    name: 'partner-desk',
    configFileMode: 0o600,
    clearInvalidConfig: true,
  })
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  }
}

/**
 * fetch through an isolated in-memory session: it follows the OS proxy/PAC settings, sends no
 * cookies and (its partition having no HTTP cache) caches nothing. `direct` falls back to Node's fetch (for proxies that break it).
 */
export function createApiFetch(direct: boolean): FetchPort {
  if (direct) return globalThis.fetch
  const apiSession = session.fromPartition('partner-desk-api', { cache: false })
  return (input, init) =>
    apiSession.fetch(input instanceof URL ? input.toString() : input, {
      ...init,
      credentials: 'omit',
    })
}

export const openExternal = (url: string): Promise<void> => shell.openExternal(url)

export const userDataPath = (): string => app.getPath('userData')

/** Asks where to save (in the Downloads folder by default), then writes the file there. */
export function createSaveFile(window: () => BrowserWindow | null): SaveFilePort {
  return async (suggestedName, content, title) => {
    const options: SaveDialogOptions = {
      title,
      defaultPath: join(app.getPath('downloads'), suggestedName),
      filters: suggestedName.endsWith('.pdf')
        ? [{ name: 'PDF', extensions: ['pdf'] }]
        : [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const owner = window()
    const choice = owner
      ? await dialog.showSaveDialog(owner, options)
      : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { saved: false, fileName: null }
    await writeFile(choice.filePath, content)
    return { saved: true, fileName: basename(choice.filePath) }
  }
}

/** Asks where to save a CSV that main then writes piece by piece; the chosen path. */
export function createSaveTarget(window: () => BrowserWindow | null): SaveTargetPort {
  return async (suggestedName, title) => {
    const options: SaveDialogOptions = {
      title,
      defaultPath: join(app.getPath('downloads'), suggestedName),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const owner = window()
    const choice = owner
      ? await dialog.showSaveDialog(owner, options)
      : await dialog.showSaveDialog(options)
    return choice.canceled || !choice.filePath ? null : choice.filePath
  }
}

/** Asks for a folder (in Downloads by default) to write many files into. */
export function createChooseFolder(window: () => BrowserWindow | null): ChooseFolderPort {
  return async (title) => {
    const options: OpenDialogOptions = {
      title,
      defaultPath: app.getPath('downloads'),
      properties: ['openDirectory', 'createDirectory'],
    }
    const owner = window()
    const choice = owner
      ? await dialog.showOpenDialog(owner, options)
      : await dialog.showOpenDialog(options)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  }
}
