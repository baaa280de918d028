import { useId, useMemo, useRef, type FormEvent } from 'react'
import {
  draftErrors,
  passwordStrength,
  type NewCustomerField,
} from '../../../../shared/new-customer'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { PasswordField } from '../../components/PasswordField'
import { Spinner } from '../../components/Spinner'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { formFailure } from '../../lib/error-messages'
import { useModalDialog } from '../../lib/use-modal-dialog'
import { useNewCustomerStore } from '../../stores/new-customer-store'
import { phoneExample, suggestedTimeZone } from './field-choices'
import { AddressGroup, FormGroup, PlanGroup, type Bind } from './NewCustomerGroups'

/** The fields in the order the form shows them. */
const FIELD_ORDER: NewCustomerField[] = [
  'name',
  'company',
  'email',
  'phone',
  'password',
  'address',
  'city',
  'state',
  'zip_code',
  'country',
  'timezone',
  'gstin',
  'gst_status',
  'account_type',
  'description',
]

/**
 * The Create Customer Account form in a modal dialog: every documented field, grouped; checked
 * with the shared schema on blur and then as the user types, and again by main before sending.
 */
export function NewCustomerDialog({ offline, onClose }: { offline: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useModalDialog(dialog)
  const titleId = useId()
  const offlineId = useId()
  const draft = useNewCustomerStore((s) => s.draft)
  const touched = useNewCustomerStore((s) => s.touched)
  const serverErrors = useNewCustomerStore((s) => s.serverErrors)
  const status = useNewCustomerStore((s) => s.status)
  const edit = useNewCustomerStore((s) => s.edit)
  const touch = useNewCustomerStore((s) => s.touch)
  const touchAll = useNewCustomerStore((s) => s.touchAll)
  const submit = useNewCustomerStore((s) => s.submit)
  const checkCreated = useNewCustomerStore((s) => s.checkCreated)

  const errors = useMemo(() => draftErrors(draft), [draft])
  const messageOf = (field: NewCustomerField) =>
    serverErrors[field] ?? (touched.has(field) ? errors[field] : undefined)
  const bind: Bind = (field) => ({
    name: field,
    value: draft[field],
    error: messageOf(field),
    onChange: (event: { target: { value: string } }) => edit(field, event.target.value),
    onBlur: () => touch(field),
  })

  const busy = status.state === 'sending' || status.state === 'checking'
  const unknown = status.state === 'unknown'
  const blocked = offline || busy || unknown
  const strength = passwordStrength(draft.password)
  const example = phoneExample(draft.country)

  function chooseCountry(country: string) {
    edit('country', country)
    // A time zone the user has not chosen follows the country.
    const suggestion = suggestedTimeZone(country)
    if (!touched.has('timezone') || !draft.timezone) edit('timezone', suggestion ?? '')
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    touchAll()
    const first = FIELD_ORDER.find((field) => errors[field])
    if (first) {
      // The first field that needs another look, in the order of the form.
      dialog.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
      return
    }
    if (blocked) return
    void submit()
  }

  const failure = status.state === 'failed' || status.state === 'unknown' ? status.error : null
  // Messages about a field are at the field (serverErrors): the banner says only the rest.
  const banner = failure ? formFailure(failure, FIELD_ORDER).banner : null

  return (
    <dialog
      ref={dialog}
      className="form-dialog"
      aria-labelledby={titleId}
      data-testid="new-customer-dialog"
      onCancel={(event) => {
        event.preventDefault()
        if (!busy) onClose()
      }}
    >
      <form className="form-dialog-form" noValidate onSubmit={onSubmit}>
        <header className="form-dialog-header">
          <h2 id={titleId} className="dialog-title">
            New customer
          </h2>
          <p className="dialog-body">
            Fields marked <span aria-hidden="true">*</span>
            <span className="visually-hidden">required</span> are required. The customer signs in to
            Vobiz with the email and password.
          </p>
        </header>
        <div className="form-dialog-body">
          {banner && (
            <ErrorAlert text={banner}>
              {unknown && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => void checkCreated()}
                >
                  Check whether it was created
                </button>
              )}
            </ErrorAlert>
          )}
          <FormGroup title="Identity">
            <TextField label="Name" autoComplete="off" required {...bind('name')} />
            <TextField label="Company" optional autoComplete="off" {...bind('company')} />
            <TextField
              label="Email"
              type="email"
              autoComplete="off"
              required
              hint="Used to sign in and for KYC notices; unique across Vobiz."
              {...bind('email')}
            />
            <TextField
              label="Phone"
              optional
              type="tel"
              autoComplete="off"
              hint={
                example
                  ? `In E.164: + and the country code, e.g. ${example}`
                  : 'In E.164: + and the country code, e.g. +91 98765 43210'
              }
              {...bind('phone')}
            />
          </FormGroup>
          <FormGroup title="Login">
            <PasswordField
              label="Password"
              secret="password"
              autoComplete="new-password"
              required
              hint={
                <>
                  At least 8 characters, with a number and a special character.
                  {strength.label && (
                    <span className={`strength strength-${strength.level}`} data-testid="strength">
                      {' '}
                      Strength: {strength.label}.
                    </span>
                  )}
                </>
              }
              {...bind('password')}
            />
          </FormGroup>
          <AddressGroup
            country={draft.country}
            bind={bind}
            countryError={messageOf('country')}
            onCountry={chooseCountry}
            onCountryBlur={() => touch('country')}
          />
          <FormGroup title="Tax">
            <TextField
              label="GSTIN"
              optional
              autoComplete="off"
              hint="India only, e.g. 29AAPFU0939F1ZV."
              {...bind('gstin')}
            />
            <SelectField label="GST status" optional {...bind('gst_status')}>
              <option value="">Not set</option>
              <option value="active">Active</option>
              <option value="inactive">Inactive</option>
            </SelectField>
          </FormGroup>
          <PlanGroup bind={bind} accountType={draft.account_type} edit={edit} />
        </div>
        <footer className="form-dialog-actions">
          {offline && (
            <p id={offlineId} className="form-dialog-reason">
              <Icon name="wifiOff" /> Creating a customer needs a connection to Vobiz.
            </p>
          )}
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={busy || undefined}
            onClick={() => !busy && onClose()}
          >
            Cancel
          </button>
          <button
            type="submit"
            className={`button button-primary${offline || unknown ? ' is-unavailable' : ''}`}
            aria-disabled={blocked || undefined}
            aria-describedby={offline ? offlineId : undefined}
          >
            {busy && <Spinner />}
            {status.state === 'sending'
              ? 'Creating…'
              : status.state === 'checking'
                ? 'Checking…'
                : 'Create customer'}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
