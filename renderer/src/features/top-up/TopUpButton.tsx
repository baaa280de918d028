import { useId } from 'react'
import { Icon } from '../../components/Icon'
import { topUpBlockedReason, usePartnerFunds } from './use-partner-funds'

/** Opens the top-up dialog; disabled, with the reason shown, when a top-up is not possible. */
export function TopUpButton({
  offline,
  customerCurrency,
  onOpen,
  label = 'Top up',
  className = 'button button-secondary button-small',
}: {
  offline: boolean
  customerCurrency: string | null
  onOpen: () => void
  label?: string
  className?: string
}) {
  const reason = topUpBlockedReason(usePartnerFunds(), offline, customerCurrency)
  const reasonId = useId()
  return (
    <span className="top-up-trigger">
      <button
        type="button"
        className={`${className}${reason ? ' is-unavailable' : ''}`}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => !reason && onOpen()}
      >
        <Icon name="wallet" />
        {label}
      </button>
      {reason && (
        <span id={reasonId} className="top-up-reason">
          {reason}
        </span>
      )}
    </span>
  )
}
