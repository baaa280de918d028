import { createActivityLog } from './activity/activity-log'
import { createActivityService } from './activity/activity-service'
import { recordActivity } from './activity/record-activity'
import { dispatch } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { createTrayStatus } from './notify/tray-status'
import { createAccountServices } from './wiring/accounts-wiring'
import type { AppPorts } from './wiring/app-ports'
import { createCustomerServices } from './wiring/customers-wiring'
import { createMoneyServices } from './wiring/money-wiring'
import { wireServiceEvents } from './wiring/service-events'
import { createSessionServices } from './wiring/session-wiring'
import { createUsageServices } from './wiring/usage-wiring'
import { createWatchAndAlerts } from './wiring/watch-alerts-wiring'

export type { AppPorts } from './wiring/app-ports'

/**
 * Wires every main-process service from its ports, lowest layer first (each domain in its module
 * under wiring/): each is given only what is declared above it, and what a lower service
 * announces (session and connectivity changes, sign-out) is subscribed to after them all. The
 * Electron entry and the web bridge both call this, so the handlers the tests drive are the ones
 * the app runs.
 */
export function createAppServices(ports: AppPorts) {
  const { logger, dataDir, saveFile, clock } = ports

  const core = createSessionServices(ports)
  const { vault, settings, guard, session, connectivity } = core
  // The tray shows both the partner balance (money) and the count needing attention (alerts).
  const trayStatus = createTrayStatus(ports.tray)
  // Kept at sign-out: it is the record (records/<profileId>/, outside the cache folder).
  const activityLog = createActivityLog({ dataDir, store: ports.store, clock, logger })

  const customerServices = createCustomerServices(ports, core, async (profileId) => {
    // Runway and alerts are wired below; a sync has saved the customers they read.
    await watchAndAlerts.watch.synced(profileId)
    void watchAndAlerts.alerts.evaluate(profileId)
  })
  const { customers } = customerServices
  const money = createMoneyServices(ports, core, customerServices, { trayStatus, activityLog })
  const { balance, bulk } = money
  const accounts = createAccountServices(ports, core, customerServices)
  const usageServices = createUsageServices(ports, core, customerServices)
  const watchAndAlerts = createWatchAndAlerts(ports, core, customerServices, money, trayStatus)
  const { watch, alerts } = watchAndAlerts

  wireServiceEvents(ports, {
    core,
    customerServices,
    money,
    accounts,
    usageServices,
    watchAndAlerts,
    trayStatus,
  })

  const activity = createActivityService({
    log: activityLog,
    activeProfileId: session.activeProfileId,
    saveFile,
    clock,
    logger,
  })
  const table = createHandlers({
    session,
    clipboard: ports.clipboard,
    openExternal: ports.openExternal,
    customers,
    connectivity,
    settings,
    details: customerServices.details,
    credentials: customerServices.credentials,
    create: customerServices.create,
    // Hidden in the tray (close to tray), the window still shows the balance there: it is read.
    balance: {
      ...balance,
      setVisible: (visible) =>
        balance.setVisible(visible || (ports.tray !== undefined && settings.get().closeToTray)),
    },
    customerBalances: customerServices.customerBalances,
    transfers: money.transfers,
    transferHistory: money.transferOutcomes,
    ledger: money.ledger,
    subAccounts: accounts.subAccounts,
    usage: usageServices.usage,
    numbers: usageServices.numbers,
    statements: usageServices.statements,
    bulkStatements: usageServices.bulkStatements,
    cdrExport: usageServices.cdrExport,
    kyc: accounts.kyc,
    capacity: accounts.capacity,
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
