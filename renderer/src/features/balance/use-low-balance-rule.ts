import { useMemo } from 'react'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { lowBalanceRule, type LowBalanceRule } from '../../../../shared/low-balance'
import { formatBalance } from '../../lib/format'
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

/** "₹100.00, $5.00": each currency's threshold (the first three, then "…"); null when none. */
export function thresholdSummary(rule: LowBalanceRule): string | null {
  if (rule.currencies.length === 0) return null
  const shown = rule.currencies
    .slice(0, 3)
    .map((currency) => formatBalance(rule.thresholdFor(currency), currency, 'table'))
  return rule.currencies.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ')
}
