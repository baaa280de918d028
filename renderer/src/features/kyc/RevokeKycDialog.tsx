import { useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { KycSessionView } from '../../../../shared/kyc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'

/** Confirms revoking a KYC session, with an optional reason for Vobiz. */
export function RevokeKycDialog({
  name,
  session,
  onClose,
  onRevoked,
}: {
  name: string
  session: KycSessionView
  onClose: () => void
  onRevoked: (session: KycSessionView) => void
}) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const tooLong = reason.trim().length > 500 ? 'At most 500 characters.' : undefined

  async function confirm() {
    if (tooLong) return
    setBusy(true)
    setError(null)
    const trimmed = reason.trim()
    const result = await ipc.invoke('kyc:revoke', {
      sessionId: session.id,
      ...(trimmed ? { reason: trimmed } : {}),
    })
    setBusy(false)
    if (result.ok) onRevoked(result.value.session)
    else setError(result.error)
  }

  return (
    <FormDialog
      title={`Revoke the KYC session of ${name}?`}
      testId="revoke-kyc-dialog"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void confirm()}
      actions={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Keep it
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy && <Spinner />}
            Revoke session
          </button>
        </>
      }
    >
      <p className="banner banner-warning" role="note">
        <Icon name="alert" className="banner-icon" />
        <span className="banner-text">
          The customer&apos;s {session.flow === 'email' ? 'email link' : 'link'} stops working at
          once. A new session can be started afterwards.
        </span>
      </p>
      <TextField
        label="Reason"
        optional
        maxLength={600}
        value={reason}
        error={tooLong}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && <ErrorAlert text={describeError(error)} />}
    </FormDialog>
  )
}
