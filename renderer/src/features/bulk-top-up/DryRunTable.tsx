import type { DryRun } from '../../../../shared/bulk-top-up'
import { Icon } from '../../components/Icon'
import { formatBalance, formatCount } from '../../lib/format'
import { CustomerCell } from './BatchView'

/** Each row's amount, balance before → after and problems; then the total against the wallet. */
export function DryRunTable({ dryRun }: { dryRun: DryRun }) {
  const fromFile = dryRun.rows.some((row) => row.line !== null)
  const { currency } = dryRun
  const problems = dryRun.rows.length - dryRun.sendable
  return (
    <>
      <dl className="top-up-summary bulk-summary" data-testid="bulk-summary">
        <div>
          <dt>To send</dt>
          <dd>
            {formatCount(dryRun.sendable)} of {formatCount(dryRun.rows.length)} rows
            {problems > 0 && (
              <span className="bulk-problem-count">
                {' '}
                · {formatCount(problems)} with problems, not sent
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd className="money">
            <strong>{formatBalance(dryRun.total, currency)}</strong>
          </dd>
        </div>
        <div>
          <dt>Partner wallet</dt>
          <dd className={`money${dryRun.insufficient ? ' is-error' : ''}`}>
            {formatBalance(dryRun.partnerBalance, currency)} →{' '}
            <strong>{formatBalance(dryRun.partnerAfter, currency)}</strong>
            {dryRun.insufficient && ' (not enough)'}
          </dd>
        </div>
      </dl>
      <div className="scroll-table-frame" role="region" aria-label="Dry run" tabIndex={0}>
        <table className="bulk-table" data-testid="bulk-dry-run">
          <thead>
            <tr>
              {fromFile && (
                <th scope="col" className="num bulk-line">
                  Line
                </th>
              )}
              <th scope="col">Customer</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Balance before → after
              </th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {dryRun.rows.map((row, index) => {
              const ok = row.problems.length === 0
              return (
                <tr
                  key={index}
                  className={ok ? undefined : 'is-problem'}
                  data-testid="bulk-dry-row"
                >
                  {fromFile && <td className="num bulk-line">{row.line}</td>}
                  <CustomerCell name={row.name} authId={row.authId} />
                  <td className="num money">
                    {row.amount ? formatBalance(row.amount, currency) : row.amountText || '—'}
                  </td>
                  <td className="num money">
                    {formatBalance(row.balanceBefore, row.currency)} →{' '}
                    {formatBalance(row.balanceAfter, row.currency)}
                  </td>
                  <td className="bulk-check">
                    {ok ? (
                      <span className="badge badge-success">
                        <Icon name="check" /> OK
                      </span>
                    ) : (
                      <ul className="bulk-problems">
                        {row.problems.map((problem) => (
                          <li key={problem}>{problem}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
