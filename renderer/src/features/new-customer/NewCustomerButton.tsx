import { useId } from 'react'
import { Icon } from '../../components/Icon'
import { useSessionStore } from '../../stores/session-store'

/** Why a customer cannot be created now, in the user's words; null when it can. */
const OFFLINE_REASON = 'Creating a customer needs a connection to Vobiz.'

export function useCreateBlockedReason(offline: boolean): string | null {
  const partner = useSessionStore((s) => s.session?.partner ?? null)
  if (!partner) return 'The partner profile has not been read yet.'
  if (!partner.permissions.createAccounts)
    return 'This partner account may not create customers. Vobiz support can enable it.'
  const { accountCount, maxAccounts } = partner
  if (maxAccounts !== null && accountCount !== null && accountCount >= maxAccounts)
    return `All ${maxAccounts} customer accounts are in use. Vobiz support can raise the limit.`
  if (offline) return OFFLINE_REASON
  return null
}

/** Opens the New customer form; disabled, with the reason, when creating is not possible. */
export function NewCustomerButton({ offline, onOpen }: { offline: boolean; onOpen: () => void }) {
  const reason = useCreateBlockedReason(offline)
  const reasonId = useId()
  // Offline is said once, by the customers' banner; other reasons show beside the button.
  const reasonShown = reason !== null && !(offline && reason === OFFLINE_REASON)
  return (
    <div className="new-customer">
      <button
        type="button"
        className={`button button-primary button-small${reason ? ' is-unavailable' : ''}`}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? undefined}
        onClick={() => !reason && onOpen()}
      >
        <Icon name="plus" />
        New customer
      </button>
      {reason && (
        <p id={reasonId} className={reasonShown ? 'new-customer-reason' : 'visually-hidden'}>
          {reason}
        </p>
      )}
    </div>
  )
}
