import { join } from 'node:path'
import { createAppServices } from '../../electron/main/app-services'
import { createFileLogger } from '../../electron/main/services/logger'
import type { SafeStorageStatus } from '../../electron/main/services/ports'
import { createSandboxLauncher } from '../../electron/main/services/sandbox-launcher'
import type { SessionState } from '../../shared/ipc-contract'
import { createAesGcmSafeStorage } from './aes-gcm-safe-storage'
import { createConfStore } from './conf-store'
import { createMemoryClipboard } from './memory-clipboard'

/** The real main-process services on a data folder, as the app wires them (Electron aside). */
export function createAppHarness(
  dataDir: string,
  options: { encryption?: SafeStorageStatus } = {},
) {
  const events: SessionState[] = []
  const sandbox = createSandboxLauncher({ customers: 40 })
  const clipboard = createMemoryClipboard()
  const services = createAppServices({
    store: createConfStore(dataDir),
    safeStorage: createAesGcmSafeStorage({
      keyFile: join(dataDir, 'stand-in-keyring', 'key'),
      status: options.encryption ?? 'available',
    }),
    clipboard,
    fetch: globalThis.fetch,
    sandbox,
    openExternal: async () => {},
    logger: createFileLogger({ file: join(dataDir, 'logs', 'main.log'), level: 'debug' }),
    clock: { now: () => Date.now() },
    emit: (_event, payload) => events.push(payload),
  })
  return { ...services, events, clipboard, sandbox, close: () => sandbox.close() }
}
