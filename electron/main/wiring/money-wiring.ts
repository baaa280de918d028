import type { ActivityLog } from '../activity/activity-log'
import { createBalanceTransfers } from '../money/balance-transfers'
import { createBulkJournal } from '../money/bulk-journal'
import { createBulkTopUps } from '../money/bulk-top-up'
import { createLedgerService } from '../money/ledger-service'
import { createPartnerBalanceWatcher } from '../money/partner-balance'
import { createTransferHistory } from '../money/transfer-history'
import { createTransferOutcomes } from '../money/transfer-outcomes'
import type { TrayStatus } from '../notify/tray-status'
import type { AppPorts } from './app-ports'
import type { CustomerServices } from './customers-wiring'
import type { SessionServices } from './session-wiring'

export type MoneyServices = ReturnType<typeof createMoneyServices>

/**
 * The partner's balance (watched, shown in the tray), single and bulk top-ups with their history,
 * and the ledger. A bulk run records each transfer in the activity log.
 */
export function createMoneyServices(
  ports: AppPorts,
  { session, connectivity, settings }: SessionServices,
  { customers, customerLookup }: CustomerServices,
  { trayStatus, activityLog }: { trayStatus: TrayStatus; activityLog: ActivityLog },
) {
  const { logger, clock, scheduler, dataDir, saveFile } = ports
  const history = createTransferHistory({ dataDir, logger })

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

  return { history, balance, transferOutcomes, transfers, ledger, bulk }
}
