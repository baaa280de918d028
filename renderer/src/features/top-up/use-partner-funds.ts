import { compareMoney, parseMoney, type Money } from '../../../../shared/money'
import { useSessionStore } from '../../stores/session-store'
import { usePartnerReading } from '../balance/use-partner-reading'

export type PartnerFunds = {
  balance: string | null
  currency: string | null
  canTransfer: boolean
}

/** The partner's wallet as the header shows it now (usePartnerReading) and the permission. */
export function usePartnerFunds(): PartnerFunds | null {
  const partner = useSessionStore((s) => s.session?.partner ?? null)
  const reading = usePartnerReading()
  if (!partner || !reading) return null
  return {
    balance: reading.balance,
    currency: reading.currency,
    canTransfer: partner.permissions.transferBalance,
  }
}

/** Why a top-up cannot be made now, in the user's words; null when it can. */
export function topUpBlockedReason(
  funds: PartnerFunds | null,
  offline: boolean,
  customerCurrency: string | null,
): string | null {
  if (!funds) return 'The partner profile has not been read yet.'
  if (!funds.canTransfer)
    return 'This partner account may not transfer balance. Vobiz support can enable it.'
  // Transfers are in the partner's currency only; crediting it to a wallet kept in another
  // currency would mix the two, so Partner Desk does not offer it.
  if (customerCurrency && funds.currency && customerCurrency !== funds.currency)
    return `This customer's wallet is in ${customerCurrency}; transfers are made in the partner's currency, ${funds.currency}.`
  if (offline) return 'A top-up needs a connection to Vobiz.'
  const balance = parseMoney(funds.balance)
  if (!balance || compareMoney(balance, ZERO) <= 0)
    return 'The partner wallet is empty: add funds to it first.'
  return null
}

const ZERO: Money = { units: 0n }
