import { useId } from 'react'
import { Icon } from '../../components/Icon'

/** Opens the top-up dialog; disabled, with the reason shown, when a top-up is not possible. */
export function TopUpButton({
  reason,
  onOpen,
}: {
  /** Why a top-up is not possible now (topUpBlockedReason), or null. */
  reason: string | null
  onOpen: () => void
}) {
  const reasonId = useId()
  return (
    <span className="top-up-trigger">
      <button
        type="button"
        className={`button button-secondary button-small${reason ? ' is-unavailable' : ''}`}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => !reason && onOpen()}
      >
        <Icon name="wallet" />
        Top up
      </button>
      {reason && (
        <span id={reasonId} className="top-up-reason">
          {reason}
        </span>
      )}
    </span>
  )
}
