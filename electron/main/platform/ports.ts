/**
 * The ports through which services reach the outside world. The Electron adapters implement them
 * in the app; tests and the web bridge pass real stand-ins (a conf store in a temp folder, AES-GCM
 * instead of the OS keyring, Node's fetch).
 */

/** Which backend encrypts secrets: an OS keyring, Linux's plain-text fallback, or nothing. */
export type SafeStorageStatus = 'available' | 'basic_text' | 'unavailable'

export type SafeStoragePort = {
  status(): Promise<SafeStorageStatus>
  encrypt(plain: string): Promise<Buffer>
  decrypt(cipher: Buffer): Promise<string>
}

/** The subset of electron-store / conf the services use. */
export type KeyValueStore = {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

export type ClipboardPort = {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
  /**
   * Writes `text` with the OS markers that keep a secret out of clipboard history and cloud
   * clipboard (see clipboard-markers.ts), in one atomic write.
   */
  writeSecret(text: string): Promise<void>
}

export type FetchPort = typeof fetch

export type Clock = {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** Starts (or reuses) the local sandbox API; the token is reused so a restart keeps the session. */
export type SandboxLauncher = {
  ensure(authToken?: string): Promise<{ baseUrl: string; authId: string; authToken: string }>
  close(): Promise<void>
}

export type ExternalOpener = (url: string) => Promise<void>

/**
 * Timers behind a port, so tests drive periodic work with fake time. `after` returns a cancel
 * function; the system scheduler's timers never keep the process alive on their own.
 */
export type Scheduler = {
  after(ms: number, run: () => void): () => void
}

export const systemScheduler: Scheduler = {
  after(ms, run) {
    const timer = setTimeout(run, ms)
    timer.unref()
    return () => clearTimeout(timer)
  },
}

/**
 * Saves a file the user asked for (a CSV export): the app shows a save dialog; the web bridge and
 * tests write into a folder. `fileName` is the name it was saved under (no folder), null if the
 * user cancelled.
 */
export type SaveFilePort = (
  suggestedName: string,
  content: string | Uint8Array,
  /** The save dialog's title, naming what is exported (e.g. "Export transactions"). */
  title: string,
) => Promise<{ saved: boolean; fileName: string | null }>

/**
 * Asks the user for a folder to write many files into (a bulk export): its path, or null when
 * the user cancelled. Tests and the web bridge answer with a folder of their own.
 */
export type ChooseFolderPort = (title: string) => Promise<string | null>

/**
 * Asks where to save a big export that is written piece by piece: the chosen absolute path, or
 * null when the user cancelled. Tests and the web bridge answer with a path in their folder.
 */
export type SaveTargetPort = (suggestedName: string, title: string) => Promise<string | null>

/**
 * Shows a desktop notification; `onClick` runs when the user clicks it (the adapter brings the
 * window back first). The app's is Electron's Notification; the browser preview has none (its
 * notification centre is the in-app one).
 */
export type NotificationPort = {
  show(notification: { title: string; body: string; onClick: () => void }): void
}

/** What the tray (menu-bar) icon says: its tooltip, its title (macOS) and the menu's count line. */
export type TrayView = { tooltip: string; title: string; countLabel: string }

/** The tray icon; its menu's "Open Partner Desk" and "Quit" are wired by the adapter. */
export type TrayPort = {
  update(view: TrayView): void
}
