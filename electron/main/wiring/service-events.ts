import type { TrayStatus } from '../notify/tray-status'
import type { AccountServices } from './accounts-wiring'
import type { AppPorts } from './app-ports'
import type { CustomerServices } from './customers-wiring'
import type { MoneyServices } from './money-wiring'
import type { SessionServices } from './session-wiring'
import type { UsageServices } from './usage-wiring'
import type { WatchAndAlerts } from './watch-alerts-wiring'

export type WiredServices = {
  core: SessionServices
  customerServices: CustomerServices
  money: MoneyServices
  accounts: AccountServices
  usageServices: UsageServices
  watchAndAlerts: WatchAndAlerts
  trayStatus: TrayStatus
}

/**
 * Subscribes the services to what the lower layers announce: connectivity changes and coming
 * back online, session changes (another profile, a new partner reading) and sign-out, which
 * stops the running jobs and forgets everything kept for that profile.
 */
export function wireServiceEvents(
  ports: Pick<AppPorts, 'emit'>,
  {
    core: { session, connectivity, guard },
    customerServices: { customers, tokens, detailsCache },
    money: { balance, history, bulk },
    accounts: { capacityHistory, subAccounts, kyc },
    usageServices: { usageCache, bulkStatements, cdrExport },
    watchAndAlerts: { watch, alerts },
    trayStatus,
  }: WiredServices,
): void {
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
  session.onSignOut(async () => bulk.stop())
}
