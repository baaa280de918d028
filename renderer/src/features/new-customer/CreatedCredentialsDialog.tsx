import { useId, useRef } from 'react'
import type { CreatedCustomer } from '../../../../shared/new-customer-draft'
import { Icon } from '../../components/Icon'
import { useStoredGate } from '../../components/StoredGate'
import { useModalDialog } from '../../lib/use-modal-dialog'
import { CredentialsSection } from '../customer-drawer/CredentialsSection'
import { ClipboardToast } from '../../components/ClipboardToast'

/**
 * The one-time credentials of a new customer. Vobiz shows the Auth Token only at creation, so
 * the dialog stays until the user confirms they have stored it. The token itself stays in main:
 * copy and reveal work as in the drawer.
 */
export function CreatedCredentialsDialog({
  created,
  offline,
  onDone,
}: {
  created: CreatedCustomer
  offline: boolean
  onDone: () => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  useModalDialog(dialog)
  const titleId = useId()
  const gate = useStoredGate(onDone)
  return (
    <dialog
      ref={dialog}
      className="form-dialog created-dialog"
      aria-labelledby={titleId}
      data-testid="created-dialog"
      onCancel={(event) => {
        event.preventDefault()
        gate.done()
      }}
    >
      <div className="form-dialog-form">
        <header className="form-dialog-header">
          <h2 id={titleId} className="dialog-title">
            <Icon name="check" /> {created.name} was created
          </h2>
          <p className="dialog-body">
            {created.email}
            {created.recovered &&
              ' — the reply from Vobiz was lost, so Partner Desk looked the customer up: it was created once.'}
          </p>
        </header>
        <div className="form-dialog-body">
          <p className="banner banner-warning created-warning" role="note">
            <Icon name="alert" className="banner-icon" />
            <span className="banner-text">
              Store the Auth ID and Auth Token where your team keeps secrets now: Vobiz gives the
              token out at creation only.{' '}
              {created.keeping === 'encrypted'
                ? 'Partner Desk keeps it encrypted on this computer as well.'
                : 'Without a system keyring Partner Desk keeps it for this session only.'}
            </span>
          </p>
          <CredentialsSection
            authId={created.authId}
            token={{ available: true, keeping: created.keeping }}
            offline={offline}
          />
        </div>
        <footer className="form-dialog-actions">{gate.actions}</footer>
      </div>
      <ClipboardToast />
    </dialog>
  )
}
