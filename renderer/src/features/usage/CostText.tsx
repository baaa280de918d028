import { formatBalance } from '../../lib/format'

/**
 * A cost at its currency's usual decimals, so a column lines up; a call can cost a fraction of a
 * paisa or cent, so the exact figure is in the tooltip whenever it differs.
 */
export function CostText({ cost, currency }: { cost: string | null; currency: string | null }) {
  const exact = formatBalance(cost, currency)
  const shown = formatBalance(cost, currency, 'table')
  return <span title={exact === shown ? undefined : exact}>{shown}</span>
}
