import type { BalanceReading } from '../../../shared/balance'
import { parseMoney } from '../../../shared/money'
import { formatMoney } from '../../../shared/money-format'
import type { TrayPort, TrayView } from '../platform/ports'

export type TrayFacts = {
  /** Customers needing attention at the last evaluation; null when signed out or not known. */
  attention: number | null
  balance: Pick<BalanceReading, 'balance' | 'currency'> | null
}

function balanceText(balance: TrayFacts['balance']): string | null {
  const money = balance?.balance ? parseMoney(balance.balance) : null
  if (!money || !balance) return null
  return balance.currency ? formatMoney(money, balance.currency, 'table') : balance.balance
}

/** What the tray says: the count needing attention and the partner balance. */
export function trayView(facts: TrayFacts): TrayView {
  const { attention } = facts
  const countLabel =
    attention === null
      ? 'Watchlist not read yet'
      : attention === 0
        ? 'No customer needs attention'
        : `${attention} ${attention === 1 ? 'customer needs' : 'customers need'} attention`
  const balance = balanceText(facts.balance)
  return {
    tooltip: ['Partner Desk', countLabel, balance && `Partner balance ${balance}`]
      .filter(Boolean)
      .join('\n'),
    title: attention ? String(attention) : '',
    countLabel,
  }
}

export type TrayStatus = ReturnType<typeof createTrayStatus>

/** Keeps the tray up to date with the latest count and partner balance. */
export function createTrayStatus(tray: TrayPort | undefined) {
  const facts: TrayFacts = { attention: null, balance: null }
  let shown = ''
  const update = () => {
    const view = trayView(facts)
    const key = JSON.stringify(view)
    if (key === shown) return
    shown = key
    tray?.update(view)
  }
  update()
  return {
    attention(count: number | null): void {
      facts.attention = count
      update()
    },
    balance(reading: TrayFacts['balance']): void {
      facts.balance = reading
      update()
    },
  }
}
