import type { EventName, EventPayload } from '../../shared/ipc-contract'
import { dispatch } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import type { Logger } from './services/logger'
import { createPartnerCache } from './services/partner-view'
import type {
  Clock,
  ClipboardPort,
  ExternalOpener,
  FetchPort,
  KeyValueStore,
  SafeStoragePort,
  SandboxLauncher,
} from './services/ports'
import { createSessionService } from './services/session-service'
import { createVault } from './services/vault'
import { createVobizClient } from './services/vobiz-client'

export type AppPorts = {
  store: KeyValueStore
  safeStorage: SafeStoragePort
  clipboard: ClipboardPort
  fetch: FetchPort
  sandbox: SandboxLauncher
  openExternal: ExternalOpener
  logger: Logger
  clock: Clock
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
}

/**
 * Wires every main-process service from its ports. The Electron entry and the web bridge both
 * call this, so the handlers the tests drive are the ones the app runs.
 */
export function createAppServices(ports: AppPorts) {
  const vault = createVault(ports)
  const session = createSessionService({
    vault,
    partnerCache: createPartnerCache(ports.store),
    createClient: (credentials) =>
      createVobizClient({ ...credentials, fetch: ports.fetch, logger: ports.logger }),
    sandbox: ports.sandbox,
    logger: ports.logger,
    clock: ports.clock,
    onChange: (state) => ports.emit('session:changed', state),
  })
  const handlers = createHandlers({
    session,
    clipboard: ports.clipboard,
    openExternal: ports.openExternal,
  })
  return {
    session,
    handlers,
    invoke: (channel: unknown, payload: unknown) =>
      dispatch(handlers, channel, payload, ports.logger),
  }
}
export type AppServices = ReturnType<typeof createAppServices>
