import type { SubAccountView } from '../../../../shared/subaccounts'
import { absoluteTime, calendarDate } from '../../lib/format'
import { SubAccountRowMenu, type RowAction } from './SubAccountRowMenu'

function KycCell({ sub }: { sub: SubAccountView }) {
  return (
    <>
      {sub.kycMode === 'customer_use' ? 'Customer use' : 'Personal use'}
      {sub.callsBlocked && (
        <span
          className="badge badge-warning subaccount-badge"
          title="Calls start once its KYC is verified"
        >
          Calls blocked · KYC pending
        </span>
      )}
    </>
  )
}

/** The table of sub-accounts shown, one row each with its Actions menu. */
export function SubAccountsTable({
  subs,
  ownerLabel,
  compact,
  blocked,
  onAction,
}: {
  subs: SubAccountView[]
  ownerLabel: string
  /** In the drawer: the auth id under the name, no dates. */
  compact: boolean
  /** Why changes are unavailable now (offline), or null. */
  blocked: string | null
  onAction: (sub: SubAccountView, action: RowAction) => void
}) {
  return (
    <div
      className="ledger-table-wrap"
      role="region"
      aria-label={`Sub-accounts of ${ownerLabel}`}
      tabIndex={0}
    >
      <table className="ledger-table subaccounts-table">
        <caption className="visually-hidden">Sub-accounts of {ownerLabel}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {!compact && <th scope="col">Auth ID</th>}
            <th scope="col">KYC</th>
            <th scope="col">Status</th>
            {!compact && <th scope="col">Created</th>}
            {!compact && <th scope="col">Last used</th>}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {subs.map((sub) => (
            <tr key={sub.authId} data-testid="subaccount-row">
              <th scope="row" className="subaccount-name">
                {sub.name}
                {compact && <span className="subaccount-email mono">{sub.authId}</span>}
                {sub.email && (
                  <span className="subaccount-email" title={sub.email}>
                    {sub.email}
                  </span>
                )}
              </th>
              {!compact && <td className="mono">{sub.authId}</td>}
              <td>
                <KycCell sub={sub} />
              </td>
              <td>
                <span className={`badge ${sub.enabled ? 'badge-success' : 'badge-neutral'}`}>
                  {sub.enabled ? 'Enabled' : 'Disabled'}
                </span>
              </td>
              {!compact && (
                <td
                  className="ledger-date"
                  title={sub.createdAt ? absoluteTime(sub.createdAt) : undefined}
                >
                  {sub.createdAt ? calendarDate(sub.createdAt) : '—'}
                </td>
              )}
              {!compact && (
                <td
                  className="ledger-date"
                  title={sub.lastUsed ? absoluteTime(sub.lastUsed) : undefined}
                >
                  {sub.lastUsed ? calendarDate(sub.lastUsed) : 'Never'}
                </td>
              )}
              <td className="subaccount-actions">
                <SubAccountRowMenu
                  sub={sub}
                  blocked={blocked}
                  onAction={(action) => onAction(sub, action)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
