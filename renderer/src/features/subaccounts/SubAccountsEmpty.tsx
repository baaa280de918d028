import { useId } from 'react'
import { Icon } from '../../components/Icon'

/** No sub-accounts yet: what they are, and the one action that makes the first. */
export function SubAccountsEmpty({
  ownerLabel,
  blocked,
  onCreate,
}: {
  ownerLabel: string
  /** Why creating is unavailable now (offline), or null. */
  blocked: string | null
  onCreate: () => void
}) {
  const titleId = useId()
  return (
    <section className="card empty-state" aria-labelledby={titleId} data-testid="subaccounts-empty">
      <span className="empty-state-icon" aria-hidden="true">
        <Icon name="users" />
      </span>
      <h3 id={titleId} className="empty-state-title">
        No sub-accounts yet
      </h3>
      <p className="empty-state-text">
        A sub-account is a separate account under {ownerLabel}, with its own Auth ID and Auth Token,
        numbers and call records: for a team, a test setup or an app of its own. Its token is shown
        once, when it is created; Partner Desk keeps it encrypted for you.
      </p>
      <button
        type="button"
        className={`button button-primary${blocked ? ' is-unavailable' : ''}`}
        aria-disabled={blocked ? true : undefined}
        title={blocked ?? undefined}
        onClick={() => !blocked && onCreate()}
      >
        <Icon name="plus" />
        New sub-account
      </button>
      {blocked && <p className="empty-state-text">{blocked}</p>}
    </section>
  )
}
