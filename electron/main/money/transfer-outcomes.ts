import type { TransferRecord } from '../../../shared/ledger'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import type { TransferOutcome } from './balance-transfers'
import type { PartnerBalanceWatcher } from './partner-balance'
import type { TransferHistory } from './transfer-history'

export type TransferOutcomesDeps = {
  session: { activeProfileId(): string | null }
  history: Pick<TransferHistory, 'record' | 'list'>
  partnerBalance: Pick<PartnerBalanceWatcher, 'applied'>
  customerName: (authId: string) => Promise<string | null>
  customers: { updateBalance(profileId: string, authId: string, balance: string): Promise<void> }
  clock: Clock
  logger: Logger
}

/**
 * What a transfer's outcome changes in the app: the profile's transfer history, and the balances
 * its reply gives — the partner's in the header and the customer's saved row — shown at once,
 * before the next read.
 */
export function createTransferOutcomes(deps: TransferOutcomesDeps) {
  const { session, history, logger } = deps
  return {
    /**
     * Takes in one outcome (see BalanceTransfers' onOutcome). The balances are shown before it
     * returns; the promise settles once the history and the row are saved, and never rejects.
     */
    apply(outcome: TransferOutcome): Promise<void> {
      const { result, profileId, ...record } = outcome
      // Signed out (or switched) before the outcome came: that profile's history is gone with it.
      if (session.activeProfileId() !== profileId) return Promise.resolve()
      const recorded = deps
        .customerName(record.authId)
        .catch(() => null)
        .then((customerName) =>
          history.record(profileId, {
            ...record,
            customerName,
            transactionId: result?.transactionId ?? null,
          }),
        )
        .catch(() => undefined)
      if (!result) return recorded
      if (result.partnerBalanceAfter !== null) {
        deps.partnerBalance.applied(profileId, {
          balance: result.partnerBalanceAfter,
          currency: result.currency,
          // When the reply came, so the trend stays in order.
          at: new Date(deps.clock.now()).toISOString(),
        })
      }
      if (result.customerBalanceAfter === null) return recorded
      const shown = deps.customers
        .updateBalance(profileId, result.authId, result.customerBalanceAfter)
        .catch((error: unknown) => logger.warn('new balance not shown in the list', { error }))
      return Promise.all([recorded, shown]).then(() => undefined)
    },

    /** The signed-in profile's transfers, newest first (none when nobody is signed in). */
    async list(): Promise<TransferRecord[]> {
      const profileId = session.activeProfileId()
      return profileId ? history.list(profileId) : []
    },
  }
}
