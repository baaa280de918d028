import { join } from 'node:path'
import { createAppServices, type AppPorts } from '../../electron/main/app-services'
import { createFileLogger } from '../../electron/main/platform/logger'
import { systemClock, systemScheduler } from '../../electron/main/platform/ports'
import { createSandboxLauncher } from '../../electron/main/platform/sandbox-launcher'
import type { Result } from '../../shared/result'
import { createAesGcmSafeStorage } from '../support/aes-gcm-safe-storage'
import { createConfStore } from '../support/conf-store'
import {
  createChosenFolders,
  createExportFolder,
  createExportTargets,
} from '../support/export-folder'
import { createMemoryClipboard } from '../support/memory-clipboard'

/** The real main-process services on a data folder, as the benchmarks run them. */
export function benchServices(dataDir: string, emit: AppPorts['emit'] = () => {}) {
  return createAppServices({
    store: createConfStore(dataDir),
    safeStorage: createAesGcmSafeStorage({ keyFile: join(dataDir, 'keyring', 'key') }),
    clipboard: createMemoryClipboard(),
    fetch: globalThis.fetch,
    sandbox: createSandboxLauncher(),
    openExternal: async () => {},
    logger: createFileLogger({ file: join(dataDir, 'logs', 'main.log') }),
    clock: systemClock,
    scheduler: systemScheduler,
    dataDir,
    saveFile: createExportFolder(dataDir),
    chooseFolder: createChosenFolders(dataDir),
    saveTarget: createExportTargets(dataDir),
    emit,
  })
}

/** A channel's value, or a thrown error naming its kind. */
export async function benchValue<T>(pending: Promise<Result<unknown>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value as T
}
