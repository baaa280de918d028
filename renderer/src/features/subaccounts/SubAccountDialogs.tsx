import { useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { SubAccountOwner, SubAccountView } from '../../../../shared/subaccounts'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'

type ActionProps = {
  owner: SubAccountOwner
  sub: SubAccountView
  onClose: () => void
}

/** Runs one IPC action with a busy state and its failure kept for the dialog to show. */
function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  async function run<T>(
    pending: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>,
  ) {
    setBusy(true)
    setError(null)
    const result = await pending()
    setBusy(false)
    if (!result.ok) setError(result.error)
    return result.ok ? result.value : null
  }
  return { busy, error, run }
}

export function RenameSubAccountDialog({
  owner,
  sub,
  onClose,
  onDone,
}: ActionProps & { onDone: (updated: SubAccountView) => void }) {
  const [name, setName] = useState(sub.name)
  const [fieldError, setFieldError] = useState<string | undefined>()
  const action = useAction()
  async function submit() {
    const trimmed = name.trim()
    if (!trimmed) return setFieldError('Enter a name.')
    if (trimmed.length > 100) return setFieldError('At most 100 characters.')
    const updated = await action.run(() =>
      ipc.invoke('subaccounts:update', { owner, authId: sub.authId, patch: { name: trimmed } }),
    )
    if (updated) onDone(updated)
  }
  return (
    <FormDialog
      title={`Rename ${sub.name}`}
      testId="rename-subaccount-dialog"
      busy={action.busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={action.busy}>
            {action.busy && <Spinner />}
            Save name
          </button>
        </>
      }
    >
      {action.error && <ErrorAlert text={describeError(action.error)} />}
      <TextField
        label="Name"
        required
        autoFocus
        maxLength={100}
        value={name}
        error={fieldError}
        onChange={(e) => {
          setName(e.target.value)
          setFieldError(undefined)
        }}
      />
    </FormDialog>
  )
}

export function DisableSubAccountDialog({
  owner,
  sub,
  onClose,
  onDone,
}: ActionProps & { onDone: (updated: SubAccountView) => void }) {
  const action = useAction()
  async function confirm() {
    const updated = await action.run(() =>
      ipc.invoke('subaccounts:update', { owner, authId: sub.authId, patch: { enabled: false } }),
    )
    if (updated) onDone(updated)
  }
  return (
    <FormDialog
      title={`Disable ${sub.name}?`}
      testId="disable-subaccount-dialog"
      busy={action.busy}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-ghost" autoFocus onClick={onClose}>
            Keep it enabled
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={action.busy}
            onClick={() => void confirm()}
          >
            {action.busy && <Spinner />}
            Disable sub-account
          </button>
        </>
      }
    >
      <p className="banner banner-warning" role="note">
        <Icon name="alert" className="banner-icon" />
        <span className="banner-text">
          Disabling blocks all of its API calls and trunk usage: calls through its trunks stop and
          its credentials are refused until it is enabled again.
        </span>
      </p>
      <p className="mono">{sub.authId}</p>
      {action.error && <ErrorAlert text={describeError(action.error)} />}
    </FormDialog>
  )
}

export function DeleteSubAccountDialog({
  owner,
  sub,
  onClose,
  onDone,
}: ActionProps & { onDone: () => void }) {
  const [typed, setTyped] = useState('')
  const action = useAction()
  const matches = typed.trim() === sub.name.trim()
  async function confirm() {
    if (!matches) return
    const done = await action.run(() =>
      ipc.invoke('subaccounts:delete', { owner, authId: sub.authId }),
    )
    if (done) onDone()
  }
  return (
    <FormDialog
      title={`Delete ${sub.name}?`}
      testId="delete-subaccount-dialog"
      busy={action.busy}
      onClose={onClose}
      onSubmit={() => void confirm()}
      actions={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button button-danger${matches ? '' : ' is-unavailable'}`}
            aria-disabled={!matches || action.busy || undefined}
          >
            {action.busy && <Spinner />}
            Delete permanently
          </button>
        </>
      }
    >
      <p className="banner banner-danger" role="note">
        <Icon name="alert" className="banner-icon" />
        <span className="banner-text">
          This is permanent. The sub-account and its Auth ID and Auth Token are removed from Vobiz
          and from this computer; anything using them stops working.
        </span>
      </p>
      <TextField
        label={`Type the name, ${sub.name}, to confirm`}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
      {action.error && <ErrorAlert text={describeError(action.error)} />}
    </FormDialog>
  )
}
