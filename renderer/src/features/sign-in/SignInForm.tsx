import type { EncryptionStatus } from '../../../../shared/ipc-contract'
import { DEFAULT_API_BASE_URL } from '../../../../shared/vobiz'
import { Icon } from '../../components/Icon'
import { PasswordField } from '../../components/PasswordField'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { StorageNotice } from './StorageNotice'
import type { SignInFormState } from './use-sign-in-form'

/** Auth ID, Auth Token (with show/hide), Advanced (API base URL, profile label), Sign in. */
export function SignInForm({
  form,
  busy,
  disabled,
  encryption,
}: {
  form: SignInFormState
  busy: boolean
  /** Another action (sandbox, profile switch) is running. */
  disabled: boolean
  encryption: EncryptionStatus
}) {
  const { values, errors } = form
  const inert = busy || disabled

  return (
    <form
      className="sign-in-form"
      noValidate
      onSubmit={(event) => void form.onSubmit(event, inert)}
    >
      <TextField
        label="Auth ID"
        name="authId"
        value={values.authId}
        error={errors.authId}
        inputRef={form.inputRef('authId')}
        onChange={(event) => form.setField('authId', event.target.value)}
        onBlur={() => form.blurField('authId')}
        placeholder="PA_XXXXXXXX"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        readOnly={busy}
      />
      <PasswordField
        label="Auth Token"
        secret="token"
        name="authToken"
        value={values.authToken}
        error={errors.authToken}
        inputRef={form.inputRef('authToken')}
        onChange={(event) => form.setField('authToken', event.target.value)}
        onBlur={() => form.blurField('authToken')}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        readOnly={busy}
      />

      <details
        className="disclosure"
        open={form.advancedOpen}
        onToggle={(event) => form.setAdvancedOpen(event.currentTarget.open)}
      >
        <summary className="disclosure-summary">
          <Icon name="chevronDown" className="disclosure-chevron" />
          Advanced
        </summary>
        <div className="disclosure-body">
          <TextField
            label="API base URL"
            name="baseUrl"
            type="url"
            inputMode="url"
            value={values.baseUrl}
            error={errors.baseUrl}
            inputRef={form.inputRef('baseUrl')}
            onChange={(event) => form.setField('baseUrl', event.target.value)}
            onBlur={() => form.blurField('baseUrl')}
            placeholder={DEFAULT_API_BASE_URL}
            hint={`Leave empty for ${DEFAULT_API_BASE_URL}.`}
            autoComplete="off"
            spellCheck={false}
            readOnly={busy}
          />
          <TextField
            label="Profile label"
            optional
            name="label"
            value={values.label}
            error={errors.label}
            inputRef={form.inputRef('label')}
            onChange={(event) => form.setField('label', event.target.value)}
            onBlur={() => form.blurField('label')}
            placeholder="e.g. Production"
            hint="A name for this account in the profile list."
            autoComplete="off"
            readOnly={busy}
          />
        </div>
      </details>

      <StorageNotice
        encryption={encryption}
        allowWeakStorage={values.allowWeakStorage}
        onAllowWeakStorage={form.setAllowWeakStorage}
        disabled={busy}
      />

      <button
        type="submit"
        className="button button-primary button-block"
        aria-disabled={inert || undefined}
      >
        {busy ? (
          <>
            <Spinner />
            Signing in…
          </>
        ) : (
          'Sign in'
        )}
      </button>
    </form>
  )
}
