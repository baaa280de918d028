import type { EventName, EventPayload } from '../../shared/ipc-contract'
import { createActivityLog } from './activity/activity-log'
import { createActivityService } from './activity/activity-service'
import { recordActivity } from './activity/record-activity'
import { createCustomerBalances } from './customers/customer-balances'
import { createCustomerCache } from './customers/customer-cache'
import { createCustomerCreateService } from './customers/customer-create-service'
import { createCustomerDetailsCache } from './customers/customer-details-cache'
import { createCustomerDetailsService } from './customers/customer-details-service'
import { createCustomerLookup } from './customers/customer-lookup'
import { createCustomerTokens } from './customers/customer-tokens'
import { createCustomersService } from './customers/customers-service'
import { dispatch } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { createBalanceTransfers } from './money/balance-transfers'
import { createBulkJournal } from './money/bulk-journal'
import { createBulkTopUps } from './money/bulk-top-up'
import { createLedgerService } from './money/ledger-service'
import { createPartnerBalanceWatcher } from './money/partner-balance'
import { createTransferHistory } from './money/transfer-history'
import { createTransferOutcomes } from './money/transfer-outcomes'
import { createKycService } from './onboarding/kyc-service'
import { createCapacityHistory } from './capacity/capacity-history'
import { createCapacityService } from './capacity/capacity-service'
import { createClipboardGuard } from './platform/clipboard-guard'
import type { Logger } from './platform/logger'
import type {
  ChooseFolderPort,
  Clock,
  ClipboardPort,
  ExternalOpener,
  FetchPort,
  KeyValueStore,
  SafeStoragePort,
  SandboxLauncher,
  SaveFilePort,
  SaveTargetPort,
  Scheduler,
  NotificationPort,
  TrayPort,
} from './platform/ports'
import { createConnectivity, observeClient } from './session/connectivity'
import { createCredentialsService } from './session/credentials-service'
import { createPartnerCache } from './session/partner-view'
import { createSessionService } from './session/session-service'
import { createSettings } from './session/settings'
import { createVault } from './session/vault'
import { createSubAccountsService } from './subaccounts/subaccounts-service'
import { createNumbersService } from './usage/numbers-service'
import { createBulkStatements } from './usage/bulk-statements'
import { createCdrExport } from './usage/cdr-export'
import { createStatementService, type PdfPort } from './usage/statement-service'
import { createUsageCache } from './usage/usage-cache'
import { createUsageService } from './usage/usage-service'
import { createVobizClient, type VobizClientOptions } from './vobiz/vobiz-client'
import { createWatchService } from './watch/watch-service'
import { createAlertService } from './notify/alert-service'
import { createTrayStatus } from './notify/tray-status'

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
  /** For bulk exports: a folder the user chooses. */
  chooseFolder: ChooseFolderPort
  /** For streamed exports: where the file goes. */
  saveTarget: SaveTargetPort
  /** HTML to PDF (the app's printToPDF); absent where there is none (the browser preview). */
  pdf?: PdfPort
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Desktop notifications; absent in the browser preview, whose notification centre is in-app. */
  notifications?: NotificationPort
  /** The tray icon (count needing attention, partner balance); absent in the browser preview. */
  tray?: TrayPort
  /** Retry and timeout tuning of the API client (tests make back-off short). */
  client?: Pick<VobizClientOptions, 'backoffBaseMs' | 'timeoutMs' | 'totalTimeoutMs' | 'retryLimit'>
  /** Sync tuning (tests and the benchmark). */
  customers?: { refreshEveryMs?: number; startupSyncWaitMs?: number; concurrency?: number }
}

/**
 * Wires every main-process service from its ports, lowest layer first: each is given only what
 * is declared above it, and what a lower service announces (session and connectivity changes,
 * sign-out) is subscribed to at the end. The Electron entry and the web bridge both call this,
 * so the handlers the tests drive are the ones the app runs.
 */
export function createAppServices(ports: AppPorts) {
  const { logger, clock, scheduler, dataDir, saveFile } = ports

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
  const tokenFiles = {
    dataDir,
    safeStorage: ports.safeStorage,
    logger,
    allowsWeakStorage: (profileId: string) => vault.tokenStorage(profileId) === 'weak',
  }
  const tokens = createCustomerTokens(tokenFiles)
  const subAccountTokens = createCustomerTokens({ ...tokenFiles, kind: 'subAccount' })
  const detailsCache = createCustomerDetailsCache({ dataDir, logger })
  const history = createTransferHistory({ dataDir, logger })
  const capacityHistory = createCapacityHistory({ dataDir, logger })

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

  const customers = createCustomersService({
    cache: createCustomerCache({ dataDir, logger }),
    session,
    connectivity,
    scheduler,
    clock,
    logger,
    saveFile,
    emit: ports.emit,
    onSynced: async (profileId, entries) => {
      await tokens.replaceAll(profileId, entries)
      await watch.synced(profileId)
      void alerts.evaluate(profileId)
    },
    ...(ports.customers?.refreshEveryMs ? { refreshEveryMs: ports.customers.refreshEveryMs } : {}),
    ...(ports.customers?.startupSyncWaitMs
      ? { startupSyncWaitMs: ports.customers.startupSyncWaitMs }
      : {}),
    ...(ports.customers?.concurrency ? { sync: { concurrency: ports.customers.concurrency } } : {}),
  })
  const details = createCustomerDetailsService({
    session,
    customers,
    tokens,
    details: detailsCache,
    clock,
  })
  const credentials = createCredentialsService({ details, guard, logger })
  const customerBalances = createCustomerBalances({ session, clock })
  const customerLookup = createCustomerLookup({ customers, balances: customerBalances })
  const create = createCustomerCreateService({
    session,
    connectivity,
    customers,
    tokens,
    logger,
    clock,
  })

  const balance = createPartnerBalanceWatcher({
    scheduler,
    clock,
    read: async () => (await session.refreshPartner()).partner,
    connectivity,
    intervalMs: () => settings.get().balanceRefreshSeconds * 1000,
    onChange: (state) => {
      ports.emit('balance:partner', state)
      trayStatus.balance(state.current)
    },
  })
  const transferOutcomes = createTransferOutcomes({
    session,
    history,
    partnerBalance: balance,
    customerName: customerLookup.name,
    customers,
    clock,
    logger,
  })
  const transfers = createBalanceTransfers({
    session,
    connectivity,
    logger,
    clock,
    scheduler,
    customerCurrency: customerLookup.walletCurrency,
    onOutcome: (outcome) => void transferOutcomes.apply(outcome),
  })
  const ledger = createLedgerService({
    session,
    saveFile,
    clock,
    logger,
    accountName: customerLookup.name,
  })

  const subAccounts = createSubAccountsService({
    session,
    customerToken: async (authId) => (await details.token(authId)).token,
    tokens: subAccountTokens,
    guard,
    dataDir,
    logger,
    clock,
  })
  const usageCache = createUsageCache({ dataDir, logger, clock })
  const usage = createUsageService({ session, cache: usageCache })
  const pdf = ports.pdf ?? null
  const statements = createStatementService({
    session,
    saveFile,
    pdf,
    clock,
    logger,
    accountName: customerLookup.name,
  })
  const cdrExport = createCdrExport({
    session,
    saveTarget: ports.saveTarget,
    accountName: customerLookup.name,
    clock,
    logger,
    onProgress: (progress) => ports.emit('usage:exportProgress', progress),
  })
  const bulkStatements = createBulkStatements({
    session,
    customers: async () =>
      (await customers.snapshot()).rows.map(({ authId, name }) => ({ authId, name })),
    chooseFolder: ports.chooseFolder,
    pdf,
    clock,
    logger,
    onProgress: (progress) => ports.emit('statements:progress', progress),
  })
  const numbers = createNumbersService({
    session,
    cache: usageCache,
    saveFile,
    clock,
    logger,
    accountName: customerLookup.name,
  })
  const kyc = createKycService({
    session,
    links: createCustomerTokens({ ...tokenFiles, kind: 'kycLink' }),
    guard,
    clock,
    logger,
  })
  const capacity = createCapacityService({
    session,
    connectivity,
    history: capacityHistory,
    logger,
    clock,
    scheduler,
  })

  // Runway: read once a sync has saved the customers (the wiring above calls `synced`).
  const watch = createWatchService({
    session,
    customers,
    history,
    settings,
    dataDir,
    clock,
    logger,
    emit: (event, status) => {
      ports.emit(event, status)
      // A spend read completed: the runways changed.
      const profileId = session.activeProfileId()
      if (status.state === 'idle' && status.computedAt && profileId) void alerts.evaluate(profileId)
    },
  })
  const trayStatus = createTrayStatus(ports.tray)
  const alerts = createAlertService({
    session,
    watch,
    settings,
    notifications: ports.notifications,
    onAttention: (count) => trayStatus.attention(count),
    dataDir,
    clock,
    scheduler,
    logger,
    emit: ports.emit,
  })

  let alertsProfile: string | null = null

  connectivity.onChange((state) => {
    ports.emit('network:changed', state)
    balance.connectivityChanged()
  })
  connectivity.onOnline(() => customers.refreshInBackground())
  session.onChange((state) => {
    ports.emit('session:changed', state)
    customers.follow()
    balance.observe(state.activeProfileId, state.partner)
    if (state.activeProfileId !== alertsProfile) {
      // Another profile (or none): its count from its saved customers and spend.
      alertsProfile = state.activeProfileId
      trayStatus.attention(null)
      const profileId = alertsProfile
      // After start-up: evaluating reads the whole list, which must not delay the first rows.
      if (profileId) {
        void customers.afterStartup().then(() => {
          if (alertsProfile === profileId) void alerts.evaluate(profileId)
        })
      }
    }
  })
  session.onSignOut(async (profileId) => {
    bulkStatements.cancel()
    cdrExport.cancel()
    await guard.clearNow('signOut')
    await customers.forget(profileId)
    await Promise.all([
      tokens.forget(profileId),
      detailsCache.forget(profileId),
      history.forget(profileId),
      capacityHistory.forget(profileId),
      subAccounts.forget(profileId),
      usageCache.forget(profileId),
      kyc.forget(profileId),
      watch.forget(profileId),
      alerts.forget(profileId),
    ])
  })

  // Kept at sign-out: it is the record (records/<profileId>/, outside the cache folder).
  const activityLog = createActivityLog({ dataDir, store: ports.store, clock, logger })
  const activity = createActivityService({
    log: activityLog,
    activeProfileId: session.activeProfileId,
    saveFile,
    clock,
    logger,
  })
  const bulk = createBulkTopUps({
    session: {
      activeProfileId: session.activeProfileId,
      freshPartner: async () =>
        (await session.refreshPartner().catch(() => null))?.partner ?? session.partner(),
    },
    customers: async () => (await customers.snapshot()).rows,
    transfers,
    journal: createBulkJournal({ dataDir, logger }),
    saveFile,
    clock,
    logger,
    record: (profileId, entry) => void activityLog.append(profileId, entry),
    progress: (batch) => ports.emit('bulk:progress', { batch }),
  })
  session.onSignOut(async () => bulk.stop())
  const table = createHandlers({
    session,
    clipboard: ports.clipboard,
    openExternal: ports.openExternal,
    customers,
    connectivity,
    settings,
    details,
    credentials,
    create,
    // Hidden in the tray (close to tray), the window still shows the balance there: it is read.
    balance: {
      ...balance,
      setVisible: (visible) =>
        balance.setVisible(visible || (ports.tray !== undefined && settings.get().closeToTray)),
    },
    customerBalances,
    transfers,
    transferHistory: transferOutcomes,
    ledger,
    subAccounts,
    usage,
    numbers,
    statements,
    bulkStatements,
    cdrExport,
    kyc,
    capacity,
    activity,
    watch,
    alerts,
    bulk,
  })
  const handlers = recordActivity(table, {
    log: activityLog,
    activeProfileId: session.activeProfileId,
    knownProfile: (profileId) => vault.profile(profileId) !== null,
    logger,
  })
  return {
    session,
    settings,
    customers,
    connectivity,
    watch,
    bulk,
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
      watch.stop()
      alerts.stop()
      connectivity.stop()
    },
  }
}
export type AppServices = ReturnType<typeof createAppServices>
