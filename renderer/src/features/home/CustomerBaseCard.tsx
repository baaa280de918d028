import { useMemo } from 'react'
import { summariseCustomers } from '../../../../shared/customer-summary'
import { Icon } from '../../components/Icon'
import { formatBalance, formatCount, readingAge } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useCustomersStore } from '../../stores/customers-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { thresholdSummary, useLowBalanceRule } from '../balance/use-low-balance-rule'
import { kycLabel } from '../customers/cells'
import { NO_FILTERS, type Filters } from '../customers/customer-filters'

const plural = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count === 1 ? one : many}`

/**
 * The customer base at a glance, from the synced list on this computer: how many customers are
 * disabled, under their low-balance threshold or at each KYC status (each opens the customers
 * screen with that filter), and the balances they hold, summed per currency. (How many accounts
 * there are against the limit is the accounts card's, from Vobiz.)
 */
export function CustomerBaseCard() {
  const rows = useCustomersStore((s) => s.rows)
  const loading = useCustomersStore((s) => s.loading)
  const syncedAt = useCustomersStore((s) => s.sync?.syncedAt ?? null)
  const rule = useLowBalanceRule()
  const requestCustomers = useNavigationStore((s) => s.requestCustomers)
  const now = useNow()
  const summary = useMemo(
    () => (loading || rows.length === 0 ? null : summariseCustomers(rows, rule)),
    [loading, rows, rule],
  )
  const show = (filters: Partial<Filters>) =>
    requestCustomers({ kind: 'filter', filters: { ...NO_FILTERS, ...filters } })
  const thresholds = thresholdSummary(rule)

  return (
    <article className="card card-customers" aria-labelledby="card-customers">
      <h3 id="card-customers" className="card-title">
        <Icon name="users" />
        Your customers
      </h3>
      {!summary ? (
        <p className="card-note">
          {loading
            ? `Reading the list: ${formatCount(loading.rows.length)} of ${formatCount(loading.total)} customers…`
            : 'No customers on this computer yet.'}
        </p>
      ) : (
        <>
          {syncedAt && (
            <p className="card-note">
              From the list synced <time dateTime={syncedAt}>{readingAge(syncedAt, now)}</time>.
            </p>
          )}
          <dl className="customer-stats" data-testid="customer-stats">
            <div className="customer-stat">
              <dt>Disabled</dt>
              <dd className="stat-figure">{formatCount(summary.disabled)}</dd>
              <dd>
                {summary.disabled === 0 ? (
                  `None of the ${plural(summary.customers, 'customer', 'customers')}`
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => show({ status: 'disabled' })}
                  >
                    {`${plural(summary.disabled, 'customer', 'customers')} of ${formatCount(summary.customers)}`}
                  </button>
                )}
              </dd>
            </div>
            <div className="customer-stat">
              <dt>Low balance</dt>
              <dd className="stat-figure">{formatCount(summary.low)}</dd>
              <dd>
                {thresholds === null ? (
                  'No threshold set'
                ) : summary.low === 0 ? (
                  `None under ${thresholds}`
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => show({ lowBalance: true })}
                  >
                    {`${plural(summary.low, 'customer', 'customers')} under ${thresholds}`}
                  </button>
                )}
              </dd>
            </div>
            <div className="customer-stat">
              <dt>KYC</dt>
              <dd>
                <ul className="stat-list">
                  {[...summary.kyc].map(([status, count]) => (
                    <li key={status}>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`${kycLabel(status)}: show the ${plural(count, 'customer', 'customers')}`}
                        onClick={() => show({ kyc: status })}
                      >
                        {kycLabel(status)}
                      </button>
                      <span className="stat-count">{formatCount(count)}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="customer-stat">
              <dt>Balances held</dt>
              <dd>
                <ul className="stat-list">
                  {summary.balances.map(({ currency, total, customers }) => (
                    <li key={currency ?? ''}>
                      <span className="money-cell" title={formatBalance(total, currency)}>
                        {formatBalance(total, currency, 'table')}
                      </span>
                      <span className="stat-count">
                        {currency ?? 'No currency'} · {plural(customers, 'customer', 'customers')}
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </>
      )}
    </article>
  )
}
