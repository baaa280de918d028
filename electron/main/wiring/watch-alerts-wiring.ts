import { createAlertService } from '../notify/alert-service'
import type { TrayStatus } from '../notify/tray-status'
import { createWatchService } from '../watch/watch-service'
import type { AppPorts } from './app-ports'
import type { CustomerServices } from './customers-wiring'
import type { MoneyServices } from './money-wiring'
import type { SessionServices } from './session-wiring'

export type WatchAndAlerts = ReturnType<typeof createWatchAndAlerts>

/**
 * The watchlist (each customer's runway from the saved customers and their spend) and the alerts
 * on customers crossing into it, evaluated again whenever a spend read completes; the count
 * needing attention goes to the tray.
 */
export function createWatchAndAlerts(
  ports: AppPorts,
  { session, settings }: SessionServices,
  { customers }: CustomerServices,
  { history }: MoneyServices,
  trayStatus: TrayStatus,
) {
  const { logger, clock, scheduler, dataDir } = ports

  // Runway: read once a sync has saved the customers (the composition root calls `synced`).
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

  return { watch, alerts }
}
