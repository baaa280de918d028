import { useState } from 'react'
import { Icon } from '../../components/Icon'
import { useNewCustomerStore } from '../../stores/new-customer-store'
import { StartKycDialog } from '../kyc/StartKycDialog'

/**
 * The create flow's last step: once the new customer's credentials are stored, KYC is offered
 * (the customer cannot call before it is done); "Not now" leaves it for the drawer.
 */
export function KycOffer({ offline }: { offline: boolean }) {
  const offer = useNewCustomerStore((s) => s.kycOffer)
  const close = useNewCustomerStore((s) => s.closeKycOffer)
  const created = useNewCustomerStore((s) => s.lastCreated)
  const [note, setNote] = useState<string | null>(null)
  const offering = offer !== null && !offline
  // Said once no dialog is open: the page behind a modal dialog is inert, its live region mute.
  const said = offering ? null : [created && `Created ${created.name}.`, note].filter(Boolean)
  return (
    <>
      <p className="export-status" role="status" data-testid="kyc-offer-status">
        {said && said.length > 0 && (
          <>
            <Icon name="check" /> {said.join(' ')}
          </>
        )}
      </p>
      {offering && (
        <StartKycDialog
          authId={offer.authId}
          name={offer.name}
          email={offer.email}
          active={null}
          offer
          onClose={close}
          onStarted={(started) => {
            close()
            setNote(
              started.flow === 'email'
                ? `KYC email sent to ${started.sentTo ?? offer.name} for ${offer.name}.`
                : `KYC link ready for ${offer.name}: copy it from the customer's drawer.`,
            )
          }}
        />
      )}
    </>
  )
}
