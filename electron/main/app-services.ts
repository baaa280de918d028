import type { EventName, EventPayload } from '../../shared/ipc-contract'
import { dispatch } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { createBalanceTransfers } from './money/balance-transfers'
import { createClipboardGuard } from './platform/clipboard-guard'
import { createConnectivity, observeClient } from './session/connectivity'
import { createCredentialsService } from './session/credentials-service'
import { createCustomerBalances } from './customers/customer-balances'
import { createCustomerCache } from './customers/customer-cache'
import { createCustomerCreateService } from './customers/customer-create-service'
import { createCustomerDetailsService } from './customers/customer-details-service'
import { createCustomerDetailsCache } from './customers/customer-details-cache'
import { createCustomerTokens } from './customers/customer-tokens'
import { createCustomersService } from './customers/customers-service'
import type { Logger } from './platform/logger'
import { createLedgerService } from './money/ledger-service'
import { createNumbersService } from './usage/numbers-service'
import { createUsageService } from './usage/usage-service'
import { createPartnerBalanceWatcher } from './money/partner-balance'
import { createPartnerCache } from './session/partner-view'
import type {
  Clock,
  ClipboardPort,
  ExternalOpener,
  FetchPort,
  KeyValueStore,
  SafeStoragePort,
  SandboxLauncher,
  SaveFilePort,
  Scheduler,
} from './platform/ports'
import { createSessionService } from './session/session-service'
import { createSettings } from './session/settings'
import { createSubAccountsService } from './subaccounts/subaccounts-service'
import { createTransferHistory } from './money/transfer-history'
import { createVault } from './session/vault'
import { createVobizClient, type VobizClientOptions } from './vobiz/vobiz-client'

export type AppPorts = {
  store: KeyValueStore
  safeStorage: SafeStoragePort
  clipboard: ClipboardPort
  fetch: FetchPort
  sandbox: SandboxLauncher
  openExternal: ExternalOpener
  logger: Logger
  clock: Clock
  scheduler: Scheduler
  /** The user-data folder: the customer caches live under `<dataDir>/cache/`. */
  dataDir: string
  saveFile: SaveFilePort
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Retry and timeout tuning of the API client (tests make back-off short). */
  client?: Pick<VobizClientOptions, 'backoffBaseMs' | 'timeoutMs' | 'totalTimeoutMs' | 'retryLimit'>
  /** Sync tuning (tests and the benchmark). */
  customers?: { refreshEveryMs?: number; startupSyncWaitMs?: number; concurrency?: number }
}

/**
 * Wires every main-process service from its ports. The Electron entry and the web bridge both
 * call this, so the handlers the tests drive are the ones the app runs.
 */
export function createAppServices(ports: AppPorts) {
  const { logger, clock, scheduler } = ports
  const vault = createVault(ports)
  const settings = createSettings(ports.store, () => vault.activeProfileId())
  const tokens = createCustomerTokens({
    dataDir: ports.dataDir,
    safeStorage: ports.safeStorage,
    logger,
    allowsWeakStorage: (profileId) => vault.tokenStorage(profileId) === 'weak',
  })
  const detailsCache = createCustomerDetailsCache({ dataDir: ports.dataDir, logger })
  const guard = createClipboardGuard({
    clipboard: ports.clipboard,
    scheduler,
    clock,
    logger,
    clearAfterMs: () => settings.get().clipboardClearSeconds * 1000,
    onCleared: (event) => ports.emit('clipboard:cleared', event),
  })
  const connectivity = createConnectivity({
    clock,
    scheduler,
    logger,
    // Reading the partner again also notices a revoked token (and signs out).
    probe: () => session.refreshPartner(),
    onChange: (state) => {
      ports.emit('network:changed', state)
      balance.connectivityChanged()
    },
  })
  const session = createSessionService({
    vault,
    partnerCache: createPartnerCache(ports.store),
    createClient: (credentials) =>
      createVobizClient({ ...credentials, ...ports.client, fetch: ports.fetch, logger }),
    observeClient: (client) => observeClient(client, connectivity),
    onSignOut: async (profileId) => {
      await guard.clearNow('signOut')
      await customers.forget(profileId)
      await Promise.all([
        tokens.forget(profileId),
        detailsCache.forget(profileId),
        history.forget(profileId),
        subAccounts.forget(profileId),
      ])
    },
    sandbox: ports.sandbox,
    logger,
    clock,
    onChange: (state) => {
      ports.emit('session:changed', state)
      customers.follow()
      balance.observe(state.activeProfileId, state.partner)
    },
  })
  const customers = createCustomersService({
    cache: createCustomerCache({ dataDir: ports.dataDir, logger }),
    session,
    connectivity,
    scheduler,
    clock,
    logger,
    saveFile: ports.saveFile,
    emit: ports.emit,
    onSynced: (profileId, entries) => tokens.replaceAll(profileId, entries),
    ...(ports.customers?.refreshEveryMs ? { refreshEveryMs: ports.customers.refreshEveryMs } : {}),
    ...(ports.customers?.startupSyncWaitMs
      ? { startupSyncWaitMs: ports.customers.startupSyncWaitMs }
      : {}),
    ...(ports.customers?.concurrency ? { sync: { concurrency: ports.customers.concurrency } } : {}),
  })
  connectivity.onOnline(() => customers.refreshInBackground())
  const details = createCustomerDetailsService({
    session,
    customers,
    tokens,
    details: detailsCache,
    clock,
  })
  const credentials = createCredentialsService({ details, guard, logger })
  const balance = createPartnerBalanceWatcher({
    scheduler,
    clock,
    read: async () => (await session.refreshPartner()).partner,
    connectivity,
    intervalMs: () => settings.get().balanceRefreshSeconds * 1000,
    onChange: (state) => ports.emit('balance:partner', state),
  })
  const customerBalances = createCustomerBalances({ session, clock })
  const history = createTransferHistory({ dataDir: ports.dataDir, logger })
  const accountName = async (authId: string) =>
    (await customers.cachedRow(authId).catch(() => null))?.row.name ?? null
  const transfers = createBalanceTransfers({
    session: {
      activeClient: () => session.activeClient(),
      partner: async () => (await session.state()).partner,
      refreshPartner: () => session.refreshPartner(),
    },
    connectivity,
    logger,
    clock,
    // The wallet's own currency is only in GET …/balance (list rows carry the pricing tier's).
    customerCurrency: async (authId) =>
      (await customerBalances.read(authId).catch(() => null))?.currency ??
      (await customers.cachedRow(authId).catch(() => null))?.row.currency ??
      null,
    onOutcome: (outcome) => {
      const { result, profileId, ...record } = outcome
      // Signed out (or switched) before the outcome came: that profile's history is gone with it.
      if (session.activeProfileId() !== profileId) return
      void accountName(record.authId)
        .then((customerName) =>
          history.record(profileId, {
            ...record,
            customerName,
            transactionId: result?.transactionId ?? null,
          }),
        )
        .catch(() => undefined)
      if (!result) return
      if (result.partnerBalanceAfter !== null) {
        balance.applied(profileId, {
          balance: result.partnerBalanceAfter,
          currency: result.currency,
          // When the reply came, so the trend stays in order.
          at: new Date(clock.now()).toISOString(),
        })
      }
      if (result.customerBalanceAfter !== null) {
        customers
          .updateBalance(profileId, result.authId, result.customerBalanceAfter)
          .catch((error: unknown) => logger.warn('new balance not shown in the list', { error }))
      }
    },
  })
  const ledger = createLedgerService({
    session,
    saveFile: ports.saveFile,
    clock,
    logger,
    accountName,
  })
  const subAccounts = createSubAccountsService({
    session,
    customerToken: async (authId) => (await details.token(authId)).token,
    tokens: createCustomerTokens({
      dataDir: ports.dataDir,
      safeStorage: ports.safeStorage,
      logger,
      allowsWeakStorage: (profileId) => vault.tokenStorage(profileId) === 'weak',
      kind: 'subAccount',
    }),
    guard,
    dataDir: ports.dataDir,
    logger,
    clock,
  })
  const create = createCustomerCreateService({
    session: {
      activeClient: () => session.activeClient(),
      partner: async () => (await session.state()).partner,
      refreshPartner: () => session.refreshPartner(),
    },
    connectivity,
    customers,
    tokens,
    logger,
    clock,
  })

  const handlers = createHandlers({
    session,
    clipboard: ports.clipboard,
    openExternal: ports.openExternal,
    customers,
    connectivity,
    settings,
    details,
    credentials,
    create,
    balance,
    customerBalances,
    transfers,
    transferHistory: {
      list: async () => {
        const profileId = (await session.state()).activeProfileId
        return profileId ? history.list(profileId) : []
      },
    },
    ledger,
    subAccounts,
    usage: createUsageService({ session }),
    numbers: createNumbersService({
      session,
      saveFile: ports.saveFile,
      clock,
      logger,
      accountName,
    }),
  })
  return {
    session,
    customers,
    connectivity,
    handlers,
    invoke: (channel: unknown, payload: unknown) => dispatch(handlers, channel, payload, logger),
    /** At start-up: the cached partner and customers show at once, then both are refreshed. */
    start(): void {
      session.restore()
      customers.follow()
    },
    /** Before quitting: a copied secret still on the clipboard is taken off it. */
    clearClipboard: (): Promise<void> => guard.clearNow('quit'),
    clipboardPending: (): boolean => guard.pending(),
    /** At quit: no more timers, probes or syncs. */
    stop(): void {
      balance.stop()
      customers.stop()
      connectivity.stop()
    },
  }
}
export type AppServices = ReturnType<typeof createAppServices>
