import type { BalanceReading } from '../../../../shared/balance'
import { useBalanceStore } from '../../stores/balance-store'
import { useSessionStore } from '../../stores/session-store'

/**
 * The partner's balance at this moment, for every place that shows it (header, top-up dialog,
 * overview): the balance store's current reading, which a transfer's reply enters at once; the
 * signed-in profile's figure only until the first reading. One source, so one figure.
 */
export function usePartnerReading(): BalanceReading | null {
  const partner = useSessionStore((s) => s.session?.partner ?? null)
  const reading = useBalanceStore((s) => s.partner?.current ?? null)
  if (reading) return reading
  return partner
    ? { balance: partner.balance, currency: partner.currency, at: partner.fetchedAt }
    : null
}
