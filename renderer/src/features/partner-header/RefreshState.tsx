import { useId } from 'react'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useBalanceStore } from '../../stores/balance-store'
import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'
import { UpdatedAt } from './UpdatedAt'

/** Refresh the partner's details, and how fresh the reading is (or why it is not refreshing). */
export function RefreshState({ fetchedAt }: { fetchedAt: string | null }) {
  const refresh = useSessionStore((s) => s.refresh)
  const refreshing = useSessionStore((s) => s.refreshing)
  const watchState = useBalanceStore((s) => s.partner?.state)
  // Offline, main probes by itself and refreshes when Vobiz answers again.
  const offline = useCustomersStore((s) => s.network?.online === false)
  const reasonId = useId()
  const disabled = refreshing || offline
  return (
    <>
      <button
        type="button"
        className={`button button-ghost button-small${offline ? ' is-unavailable' : ''}`}
        aria-disabled={disabled || undefined}
        aria-describedby={offline ? reasonId : undefined}
        onClick={() => {
          if (!disabled) void refresh()
        }}
      >
        {refreshing ? <Spinner /> : <Icon name="refresh" />}
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <span className="strip-freshness">
        {watchState === 'paused' ? (
          'Paused while hidden'
        ) : watchState === 'backing-off' ? (
          'Reading failed; retrying'
        ) : fetchedAt ? (
          <UpdatedAt iso={fetchedAt} />
        ) : null}
      </span>
      {offline && (
        <span id={reasonId} className="visually-hidden">
          Refresh needs a connection to Vobiz.
        </span>
      )}
    </>
  )
}
