import { parseMoney } from '../../../shared/money'
import { formatMoney } from '../../../shared/money-format'
import type { WatchRow } from '../../../shared/watch'

const money = (amount: string, currency: string | null) => {
  const parsed = parseMoney(amount)
  return parsed && currency ? formatMoney(parsed, currency, 'table') : amount
}

/** The title and text of one customer's alert. */
export function alertText(row: WatchRow, horizonDays: number): { title: string; body: string } {
  const runway =
    row.runwayDays === null
      ? null
      : row.runwayDays === 0
        ? 'its wallet is empty'
        : `about ${row.runwayDays} days of runway left`
  const why = row.belowThreshold ? 'Below its threshold' : `Runs out within ${horizonDays} days`
  return {
    title: `${row.name} needs attention`,
    body: [`${why}: balance ${money(row.balance, row.currency)}`, runway]
      .filter(Boolean)
      .join(', '),
  }
}

/** One notification for several alerts at once (many crossings, or the end of quiet hours). */
export function summaryText(count: number, quiet: boolean): { title: string; body: string } {
  const customers = count === 1 ? '1 customer' : `${count} customers`
  return {
    title: `${customers} need${count === 1 ? 's' : ''} attention`,
    body: quiet
      ? `${customers} crossed into the watchlist during quiet hours. Open Partner Desk to see who.`
      : 'Open Partner Desk to see who in the notification centre.',
  }
}
