import type { WatchRow } from '../../../../shared/watch'
import { formatBalance, relativeTime } from '../../lib/format'
import { TopUpButton } from '../top-up/TopUpButton'
import { RunwayDays } from './RunwayDays'
import { ThresholdCell } from './ThresholdCell'

export type RowActions = {
  defaultDays: number
  now: number
  /** Why a top-up of this row cannot be made now, or null. */
  topUpBlocked: (row: WatchRow) => string | null
  onTopUp: (row: WatchRow) => void
  onSnooze: (row: WatchRow, snooze: 'day' | 'week') => void
  onChanged: () => void
  /** The rows ticked for a bulk top-up. */
  selected: ReadonlySet<string>
  onSelect: (authIds: readonly string[], selected: boolean) => void
}

/** The customers needing attention, lowest runway first; one scroll container, sticky header. */
export function WatchTable({ rows, actions }: { rows: readonly WatchRow[]; actions: RowActions }) {
  // The region scrolls (sideways when narrow, the rows down): focusable, for the keyboard.
  return (
    <div className="scroll-table-frame" role="region" aria-label="Customers to watch" tabIndex={0}>
      <table className="data-table watch-table">
        <thead>
          <tr>
            <th scope="col" className="watch-select">
              <input
                type="checkbox"
                aria-label="Select every customer"
                checked={rows.length > 0 && rows.every((row) => actions.selected.has(row.authId))}
                onChange={(event) =>
                  actions.onSelect(
                    rows.map((row) => row.authId),
                    event.target.checked,
                  )
                }
              />
            </th>
            <th scope="col">Customer</th>
            <th scope="col" className="num">
              Balance
            </th>
            <th scope="col" className="num">
              Spend / day
            </th>
            <th scope="col">Runway</th>
            <th scope="col">Threshold</th>
            <th scope="col">Last top-up</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.authId} data-testid="watch-row">
              <td className="watch-select">
                <input
                  type="checkbox"
                  aria-label={`Select ${row.name}`}
                  checked={actions.selected.has(row.authId)}
                  onChange={(event) => actions.onSelect([row.authId], event.target.checked)}
                />
              </td>
              <td title={row.authId}>
                <span className="watch-name">{row.name}</span>
                <span className="watch-auth-id mono">{row.authId}</span>
              </td>
              <td className="num money-cell" title={formatBalance(row.balance, row.currency)}>
                {formatBalance(row.balance, row.currency, 'table')}
              </td>
              <td
                className="num money-cell"
                title={
                  row.spendDays
                    ? `${formatBalance(row.spendPerDay, row.currency)}: the average of the last ${row.spendDays} days`
                    : undefined
                }
              >
                {formatBalance(row.spendPerDay, row.currency, 'table')}
              </td>
              <td>
                <RunwayDays days={row.runwayDays} below={row.belowThreshold} />
              </td>
              <td>
                <ThresholdCell
                  authId={row.authId}
                  name={row.name}
                  threshold={row.threshold}
                  defaultDays={actions.defaultDays}
                  currency={row.currency}
                  onSaved={actions.onChanged}
                />
              </td>
              <td
                title={
                  row.lastTopUp
                    ? `${formatBalance(row.lastTopUp.amount, row.lastTopUp.currency)} on ${row.lastTopUp.at}`
                    : 'No top-up from Partner Desk'
                }
              >
                {row.lastTopUp ? relativeTime(row.lastTopUp.at, actions.now) : '—'}
              </td>
              <td>
                <div className="watch-actions">
                  <TopUpButton
                    compact
                    reason={actions.topUpBlocked(row)}
                    onOpen={() => actions.onTopUp(row)}
                  />
                  <select
                    className="select"
                    aria-label={`Snooze ${row.name}`}
                    value=""
                    onChange={(event) =>
                      actions.onSnooze(row, event.target.value as 'day' | 'week')
                    }
                  >
                    <option value="" disabled>
                      Snooze…
                    </option>
                    <option value="day">1 day</option>
                    <option value="week">1 week</option>
                  </select>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
