import { useId } from 'react'
import { Icon } from '../../components/Icon'

/**
 * Opens the top-up dialog; disabled, with the reason, when a top-up is not possible. The reason
 * shows beside the button, or (`compact`, in a table row) as its tooltip; it is the button's
 * description either way.
 */
export function TopUpButton({
  reason,
  onOpen,
  compact = false,
}: {
  /** Why a top-up is not possible now (topUpBlockedReason), or null. */
  reason: string | null
  onOpen: () => void
  compact?: boolean
}) {
  const reasonId = useId()
  return (
    <span className="top-up-trigger">
      <button
        type="button"
        className={`button button-secondary button-small${reason ? ' is-unavailable' : ''}`}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        title={compact ? (reason ?? undefined) : undefined}
        onClick={() => !reason && onOpen()}
      >
        <Icon name="wallet" />
        Top up
      </button>
      {reason && (
        <span id={reasonId} className={compact ? 'visually-hidden' : 'top-up-reason'}>
          {reason}
        </span>
      )}
    </span>
  )
}
