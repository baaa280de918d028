import { createCustomerTokens, type TOKEN_FILES } from '../customers/customer-tokens'
import { createClipboardGuard } from '../platform/clipboard-guard'
import { createConnectivity, observeClient } from '../session/connectivity'
import { createPartnerCache } from '../session/partner-view'
import { createSessionService } from '../session/session-service'
import { createSettings } from '../session/settings'
import { createVault } from '../session/vault'
import { createVobizClient } from '../vobiz/vobiz-client'
import type { AppPorts } from './app-ports'

export type SessionServices = ReturnType<typeof createSessionServices>

/**
 * The layer every other service stands on: saved profiles and their settings, the clipboard
 * guard for copied secrets, the session (signed-in profile and its API client) and connectivity.
 */
export function createSessionServices(ports: AppPorts) {
  const { logger, clock, scheduler, dataDir } = ports

  const vault = createVault(ports)
  const settings = createSettings(ports.store, () => vault.activeProfileId())
  const guard = createClipboardGuard({
    clipboard: ports.clipboard,
    scheduler,
    clock,
    logger,
    clearAfterMs: () => settings.get().clipboardClearSeconds * 1000,
    onCleared: (event) => ports.emit('clipboard:cleared', event),
  })
  /** A per-profile file of secrets (customer tokens, sub-account tokens, KYC links). */
  const secretFiles = (kind: keyof typeof TOKEN_FILES) =>
    createCustomerTokens({
      dataDir,
      safeStorage: ports.safeStorage,
      logger,
      allowsWeakStorage: (profileId: string) => vault.tokenStorage(profileId) === 'weak',
      kind,
    })

  const session = createSessionService({
    vault,
    partnerCache: createPartnerCache(ports.store),
    createClient: (credentials) =>
      createVobizClient({ ...credentials, ...ports.client, fetch: ports.fetch, logger, clock }),
    sandbox: ports.sandbox,
    logger,
    clock,
  })
  const connectivity = createConnectivity({
    clock,
    scheduler,
    logger,
    // Reading the partner again also notices a revoked token (and signs out).
    probe: () => session.refreshPartner(),
  })
  session.observeClients((client) => observeClient(client, connectivity))

  return { vault, settings, guard, secretFiles, session, connectivity }
}
