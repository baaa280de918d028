import { useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { fieldMessages } from '../../../../shared/field-messages'
import { startKycSchema, type KycSessionView } from '../../../../shared/kyc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'

type Flow = 'email' | 'redirect'

/**
 * Starts a KYC session for one customer: an email Vobiz sends to the customer, or a link for
 * staff to hand over (kept in main; copied from the drawer). `active` is the session a new one
 * replaces: Vobiz revokes it, so its link stops working, and the dialog says so first.
 */
export function StartKycDialog({
  authId,
  name,
  email,
  active,
  offer = false,
  onClose,
  onStarted,
}: {
  authId: string
  name: string
  /** The customer's email: the default address. */
  email: string | null
  active: KycSessionView | null
  /** Offered at the end of creating the customer: says why, and closing reads "Not now". */
  offer?: boolean
  onClose: () => void
  onStarted: (session: KycSessionView) => void
}) {
  const [flow, setFlow] = useState<Flow>('email')
  const [to, setTo] = useState(email ?? '')
  const [redirectUrl, setRedirectUrl] = useState('')
  const [days, setDays] = useState('7')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  async function submit() {
    const request = {
      authId,
      flow,
      ...(flow === 'email' ? { email: to } : { redirectUrl }),
      expiresInDays: /^\d+$/.test(days.trim()) ? Number(days) : Number.NaN,
    }
    const checked = startKycSchema.safeParse(request)
    if (!checked.success) return setFields(fieldMessages(checked.error))
    setFields({})
    setBusy(true)
    setError(null)
    const result = await ipc.invoke('kyc:start', request)
    setBusy(false)
    if (!result.ok) {
      setError(result.error)
      if (result.error.kind === 'validation') setFields(result.error.fields)
      return
    }
    onStarted(result.value.session)
  }

  return (
    <FormDialog
      title={`Start KYC for ${name}`}
      testId="start-kyc-dialog"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {offer ? 'Not now' : 'Cancel'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            {flow === 'email' ? 'Send KYC email' : 'Create KYC link'}
          </button>
        </>
      }
    >
      {offer && (
        <p className="dialog-body" data-testid="kyc-offer">
          {name} can make calls once its KYC is completed. Start it now, or later from the
          customer&apos;s drawer.
        </p>
      )}
      {active && (
        <p className="banner banner-warning" role="note" data-testid="kyc-replace-warning">
          <Icon name="alert" className="banner-icon" />
          <span className="banner-text">
            {name} has an active KYC session ({active.status.replace(/_/g, ' ')}). Starting a new
            one revokes it: its {active.flow === 'email' ? 'email link' : 'link'} stops working.
          </span>
        </p>
      )}
      <fieldset className="kyc-flow">
        <legend className="field-label">How the customer gets the check</legend>
        {(
          [
            ['email', 'Email the customer', 'Vobiz sends the link by email.'],
            ['redirect', 'A link to hand over', 'You copy the link and give it to the customer.'],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="kyc-flow-option">
            <input
              type="radio"
              name="kyc-flow"
              value={value}
              checked={flow === value}
              onChange={() => {
                setFlow(value)
                setFields({})
              }}
            />
            <span>
              <span className="kyc-flow-label">{label}</span>
              <span className="kyc-flow-hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {flow === 'email' ? (
        <TextField
          label="Send to"
          type="email"
          required
          autoComplete="off"
          value={to}
          error={fields.email}
          onChange={(e) => setTo(e.target.value)}
        />
      ) : (
        <TextField
          label="Return address after the check"
          hint="Where the customer lands when done, e.g. your website."
          type="url"
          required
          placeholder="https://"
          value={redirectUrl}
          error={fields.redirectUrl}
          onChange={(e) => setRedirectUrl(e.target.value)}
        />
      )}
      <TextField
        label="Link valid for (days)"
        inputMode="numeric"
        required
        value={days}
        error={fields.expiresInDays}
        onChange={(e) => setDays(e.target.value)}
      />
      {error && <ErrorAlert text={describeError(error)} />}
    </FormDialog>
  )
}
