import { useMemo } from 'react'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { lowBalanceRule, type LowBalanceRule } from '../../../../shared/low-balance'
import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'

/** The low-balance thresholds per currency, from the settings and the partner wallet's currency. */
export function useLowBalanceRule(): LowBalanceRule {
  const settings = useCustomersStore((s) => s.settings)
  const walletCurrency = useSessionStore((s) => s.session?.partner?.currency ?? null)
  return useMemo(
    () => lowBalanceRule(settings ?? DEFAULT_SETTINGS, walletCurrency),
    [settings, walletCurrency],
  )
}
