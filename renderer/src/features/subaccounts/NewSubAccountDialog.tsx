import { useRef, useState, type ChangeEvent } from 'react'
import type { TokenKeeping } from '../../../../shared/credentials'
import { fieldMessages } from '../../../../shared/field-messages'
import {
  newSubAccountSchema,
  type KycMode,
  type SubAccountOwner,
  type SubAccountView,
} from '../../../../shared/subaccounts'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { PasswordField } from '../../components/PasswordField'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { formFailure, type ErrorText } from '../../lib/error-messages'

type Draft = {
  name: string
  email: string
  phone: string
  description: string
  kycMode: KycMode
  rateLimit: string
  calls: boolean
  cdr: boolean
  password: string
  enabled: boolean
}
const EMPTY: Draft = {
  name: '',
  email: '',
  phone: '',
  description: '',
  kycMode: 'personal_use',
  rateLimit: '',
  calls: true,
  cdr: true,
  password: '',
  enabled: true,
}
const FIELD_ORDER = ['name', 'kycMode', 'email', 'phone', 'description', 'rateLimit', 'password']

function requestOf(draft: Draft) {
  return {
    name: draft.name,
    email: draft.email,
    phone: draft.phone,
    description: draft.description,
    kycMode: draft.kycMode,
    ...(draft.rateLimit.trim() ? { rateLimit: Number(draft.rateLimit.trim()) } : {}),
    permissions: { calls: draft.calls, cdr: draft.cdr },
    password: draft.password,
    enabled: draft.enabled,
  }
}

/** Field messages from the shared schema (the same check main runs). */
function check(draft: Draft): Record<string, string> {
  const parsed = newSubAccountSchema.safeParse(requestOf(draft))
  const fields: Record<string, string> = parsed.success ? {} : fieldMessages(parsed.error)
  if (draft.rateLimit.trim() && !/^\d+$/.test(draft.rateLimit.trim())) {
    fields['rateLimit'] = 'A whole number of requests.'
  }
  return fields
}

type TextKey = 'name' | 'email' | 'phone' | 'description' | 'rateLimit' | 'password'

function Check({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <label className="kyc-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="kyc-option-label">{label}</span>
    </label>
  )
}

/** Creates a sub-account under the owner; its one-time token is kept by main, encrypted. */
export function NewSubAccountDialog({
  owner,
  ownerLabel,
  onClose,
  onCreated,
}: {
  owner: SubAccountOwner
  ownerLabel: string
  onClose: () => void
  onCreated: (created: SubAccountView, keeping: TokenKeeping) => void
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [checked, setChecked] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ErrorText | null>(null)
  const form = useRef<HTMLDivElement>(null)

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    const next = { ...draft, [key]: value }
    setDraft(next)
    if (checked) setErrors(check(next))
  }

  /** A text field's name, value, message and change handler, bound to the draft. */
  const text = (key: TextKey) => ({
    name: key,
    value: draft[key],
    error: errors[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.target.value),
  })

  function focusFirst(fields: Record<string, string>) {
    const first = FIELD_ORDER.find((name) => fields[name])
    if (!first) return
    form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
  }

  async function submit() {
    const fields = check(draft)
    setChecked(true)
    setErrors(fields)
    if (Object.keys(fields).length > 0) return focusFirst(fields)
    setBusy(true)
    setFailure(null)
    const result = await ipc.invoke('subaccounts:create', { owner, draft: requestOf(draft) })
    setBusy(false)
    if (result.ok) return onCreated(result.value.subAccount, result.value.tokenKeeping)
    // Messages for fields the form shows go there; anything else is said above the form.
    const { fields: refused, banner } = formFailure(result.error, FIELD_ORDER)
    setErrors(refused)
    setFailure(banner)
    focusFirst(refused)
  }

  return (
    <FormDialog
      title="New sub-account"
      testId="new-subaccount-dialog"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      className="subaccount-dialog"
      actions={
        <>
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            Create sub-account
          </button>
        </>
      }
    >
      <div ref={form} className="subaccount-form">
        <p className="dialog-body">
          Under {ownerLabel}. It gets its own Auth ID and Auth Token; Vobiz shows the token only
          now, so Partner Desk keeps it, encrypted.
        </p>
        {failure && <ErrorAlert text={failure} />}
        <TextField label="Name" {...text('name')} required maxLength={100} />
        <fieldset className="kyc-choice">
          <legend className="field-label">KYC mode</legend>
          {(
            [
              [
                'personal_use',
                'Personal use',
                'Inherits your account’s KYC. For teams, staging, your own work.',
              ],
              [
                'customer_use',
                'Customer use',
                'Verifies itself before it can call. Needs an email.',
              ],
            ] as const
          ).map(([value, label, hint]) => (
            <label key={value} className="kyc-option">
              <input
                type="radio"
                name="kycMode"
                value={value}
                checked={draft.kycMode === value}
                onChange={() => set('kycMode', value)}
              />
              <span>
                <span className="kyc-option-label">{label}</span>
                <span className="field-hint">{hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label="Email"
          {...text('email')}
          type="email"
          autoComplete="off"
          required={draft.kycMode === 'customer_use'}
          optional={draft.kycMode !== 'customer_use'}
        />
        <TextField label="Phone" {...text('phone')} type="tel" optional />
        <TextField label="Description" {...text('description')} optional maxLength={255} />
        <TextField
          label="Rate limit"
          {...text('rateLimit')}
          hint="API requests allowed per period; Vobiz’s default when empty."
          inputMode="numeric"
          optional
        />
        <fieldset className="kyc-choice">
          <legend className="field-label">Permissions</legend>
          <Check label="Calls" checked={draft.calls} onChange={(on) => set('calls', on)} />
          <Check
            label="Call records (CDRs)"
            checked={draft.cdr}
            onChange={(on) => set('cdr', on)}
          />
        </fieldset>
        <PasswordField
          label="Password"
          secret="password"
          {...text('password')}
          autoComplete="new-password"
          hint="For signing in to the Vobiz console as this sub-account; sent to Vobiz only."
          optional
        />
        <Check
          label="Enabled from the start"
          checked={draft.enabled}
          onChange={(on) => set('enabled', on)}
        />
      </div>
    </FormDialog>
  )
}
