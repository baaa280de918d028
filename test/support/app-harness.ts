import { join } from 'node:path'
import { createAppServices, type AppPorts } from '../../electron/main/app-services'
import { createFileLogger } from '../../electron/main/platform/logger'
import {
  systemScheduler,
  type Clock,
  type FetchPort,
  type SafeStorageStatus,
  type Scheduler,
} from '../../electron/main/platform/ports'
import { createSandboxLauncher } from '../../electron/main/platform/sandbox-launcher'
import type { EventName, EventPayload, SessionState } from '../../shared/ipc-contract'
import { createAesGcmSafeStorage } from './aes-gcm-safe-storage'
import { createConfStore } from './conf-store'
import { createChosenFolders, createExportFolder, createExportTargets } from './export-folder'
import { createMemoryClipboard } from './memory-clipboard'

export type HarnessOptions = {
  encryption?: SafeStorageStatus
  /** Fake time for timers (periodic refresh, offline probes); real timers by default. */
  scheduler?: Scheduler
  clock?: Clock
  fetch?: FetchPort
  /** Customers of the in-process sandbox behind "Try the sandbox" (default 40). */
  sandboxCustomers?: number
  customers?: AppPorts['customers']
  /** HTML to PDF (e.g. Chromium's); none by default, as in the browser preview. */
  pdf?: AppPorts['pdf']
  notifications?: AppPorts['notifications']
  tray?: AppPorts['tray']
}

export type EmittedEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]

/** The real main-process services on a data folder, as the app wires them (Electron aside). */
export function createAppHarness(dataDir: string, options: HarnessOptions = {}) {
  /** `session:changed` payloads, in order. */
  const events: SessionState[] = []
  /** Every event, in order. */
  const emitted: EmittedEvent[] = []
  const listeners = new Set<(event: EmittedEvent) => void>()
  const sandbox = createSandboxLauncher({ customers: options.sandboxCustomers ?? 40 })
  const clipboard = createMemoryClipboard()
  const exportFolder = createExportFolder(dataDir)
  const chooseFolder = createChosenFolders(dataDir)
  const services = createAppServices({
    store: createConfStore(dataDir),
    safeStorage: createAesGcmSafeStorage({
      keyFile: join(dataDir, 'stand-in-keyring', 'key'),
      status: options.encryption ?? 'available',
    }),
    clipboard,
    fetch: options.fetch ?? globalThis.fetch,
    sandbox,
    openExternal: async () => {},
    logger: createFileLogger({ file: join(dataDir, 'logs', 'main.log'), level: 'debug' }),
    clock: options.clock ?? { now: () => Date.now() },
    scheduler: options.scheduler ?? systemScheduler,
    dataDir,
    saveFile: exportFolder,
    chooseFolder,
    saveTarget: createExportTargets(dataDir),
    ...(options.pdf ? { pdf: options.pdf } : {}),
    ...(options.notifications ? { notifications: options.notifications } : {}),
    ...(options.tray ? { tray: options.tray } : {}),
    // Short back-off between retries keeps fault tests quick; the behaviour is the same.
    client: { backoffBaseMs: 20 },
    ...(options.customers ? { customers: options.customers } : {}),
    emit: (event, payload) => {
      const entry = { event, payload } as EmittedEvent
      emitted.push(entry)
      if (event === 'session:changed') events.push(payload as SessionState)
      for (const listener of listeners) listener(entry)
    },
  })
  return {
    ...services,
    /** The folders the bulk exports were given. */
    chosenFolders: chooseFolder.chosen,
    events,
    emitted,
    /** The payloads of one event, in order. */
    eventsOf: <E extends EventName>(name: E): EventPayload<E>[] =>
      emitted.filter((e) => e.event === name).map((e) => e.payload as EventPayload<E>),
    /** Calls `listener` with every later payload of one event; returns the unsubscribe. */
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      const forward = (entry: EmittedEvent) => {
        if (entry.event === name) listener(entry.payload as EventPayload<E>)
      }
      listeners.add(forward)
      return () => listeners.delete(forward)
    },
    clipboard,
    sandbox,
    exportsDir: exportFolder.dir,
    /** The save dialog titles asked for, in order. */
    exportTitles: exportFolder.titles,
    close: async () => {
      services.stop()
      await sandbox.close()
    },
  }
}
