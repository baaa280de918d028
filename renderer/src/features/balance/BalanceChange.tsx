import { changeBetween } from '../../../../shared/money'
import { Icon } from '../../components/Icon'
import { formatBalance } from '../../lib/format'
import { moneyToDecimalString } from '../../../../shared/money'

/** "▲ ₹12.50" since the previous reading, exact, as a sentence of its own; nothing when unknown. */
export function BalanceChange({
  current,
  previous,
  currency,
}: {
  current: string | null
  previous: string | null | undefined
  currency: string | null
}) {
  const change = changeBetween(current, previous)
  if (!change) return null
  if (change.direction === 'same') {
    return <span className="balance-change is-same">No change since the last reading.</span>
  }
  const amount = formatBalance(moneyToDecimalString(change.amount), currency)
  return (
    <span className={`balance-change is-${change.direction}`} data-testid="balance-change">
      <Icon name={change.direction === 'up' ? 'arrowUp' : 'arrowDown'} />
      <span className="visually-hidden">{change.direction === 'up' ? 'Up' : 'Down'} </span>
      {amount}
      <span className="visually-hidden"> since the last reading.</span>
    </span>
  )
}
