import { useState } from 'react'
import type { TokenKeeping } from '../../../../shared/credentials'
import type { SubAccountOwner, SubAccountView } from '../../../../shared/subaccounts'
import { FormDialog } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useStoredGate } from '../../components/StoredGate'
import { TokenCredentials } from '../../components/TokenCredentials'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { useClipboardStore } from '../../stores/clipboard-store'

const NOT_KEPT =
  'Its Auth Token is not on this computer: Vobiz shows a sub-account’s token only when it is created, and this one was created elsewhere. Copy it from where it was created, or create a new sub-account here.'

function keepingNote(keeping: TokenKeeping | null): string {
  return keeping === 'session'
    ? 'No system keyring: this token is kept for this session only. Store it now.'
    : 'Kept encrypted on this computer: Vobiz will not show it again, so copy it from here.'
}

/** Asks Vobiz, with the sub-account's own credentials, whether they work now. */
function CheckCredentials({ owner, authId }: { owner: SubAccountOwner; authId: string }) {
  const [state, setState] = useState<
    { state: 'idle' | 'checking' } | { state: 'done'; accepted: boolean; message: string }
  >({ state: 'idle' })
  async function check() {
    setState({ state: 'checking' })
    const result = await ipc.invoke('subaccounts:verify', { owner, authId })
    setState(
      result.ok
        ? { state: 'done', ...result.value }
        : { state: 'done', accepted: false, message: describeError(result.error).title },
    )
  }
  return (
    <div className="credential-row">
      <button
        type="button"
        className="button button-secondary button-small button-icon-text"
        aria-disabled={state.state === 'checking' || undefined}
        onClick={() => state.state !== 'checking' && void check()}
      >
        {state.state === 'checking' ? <Spinner /> : <Icon name="check" />}
        Check with Vobiz
      </button>
      <span
        className={`credential-note${state.state === 'done' && !state.accepted ? ' is-warning' : ''}`}
        role="status"
        data-testid="credentials-check"
      >
        {state.state === 'done' && state.message}
      </span>
    </div>
  )
}

/** A sub-account's credentials; right after creation, it asks the user to store them. */
export function SubAccountCredentialsDialog({
  owner,
  sub,
  created,
  onClose,
}: {
  owner: SubAccountOwner
  sub: SubAccountView
  /** Set right after creation: how the new token is kept. */
  created: TokenKeeping | null
  onClose: () => void
}) {
  const copySubAccount = useClipboardStore((s) => s.copySubAccount)
  const gate = useStoredGate(onClose)
  return (
    <FormDialog
      title={created ? `${sub.name} was created` : `Credentials of ${sub.name}`}
      testId="subaccount-credentials-dialog"
      // Right after creation it stays until the token is stored (as while busy: no Esc, no ×).
      busy={created !== null && !gate.stored}
      onClose={created ? gate.done : onClose}
      className="subaccount-dialog"
      actions={
        created ? (
          gate.actions
        ) : (
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        )
      }
    >
      {created && (
        <p className="banner banner-warning" role="note">
          <Icon name="alert" className="banner-icon" />
          <span className="banner-text">
            Store the Auth ID and Auth Token where your team keeps secrets now: Vobiz gives the
            token out at creation only. Partner Desk keeps it encrypted for you as well.
          </span>
        </p>
      )}
      <TokenCredentials
        authId={sub.authId}
        heading="Credentials"
        copy={(format) => copySubAccount(owner, sub.authId, format)}
        requestReveal={() => ipc.invoke('subaccounts:reveal', { owner, authId: sub.authId })}
        unavailable={sub.tokenKept ? null : NOT_KEPT}
        unavailableIcon="info"
        note={keepingNote(created)}
      >
        {sub.tokenKept && <CheckCredentials owner={owner} authId={sub.authId} />}
      </TokenCredentials>
    </FormDialog>
  )
}
