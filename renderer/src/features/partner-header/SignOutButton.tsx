import { useId, useRef } from 'react'
import type { ProfileSummary } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useSessionStore } from '../../stores/session-store'

/** Sign out, after a confirm step that says what is removed from this computer. */
export function SignOutButton({ profile }: { profile: ProfileSummary }) {
  const signOut = useSessionStore((s) => s.signOut)
  const signingOut = useSessionStore((s) => s.signingOut)
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()

  async function confirm() {
    if (signingOut) return
    const result = await signOut(profile.id)
    // On success this screen goes away; on failure the home screen shows the error.
    if (!result.ok) dialog.current?.close()
  }

  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => dialog.current?.showModal()}
      >
        <Icon name="signOut" />
        <span className="sign-out-text">Sign out</span>
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
        <h2 id={titleId} className="dialog-title">
          Sign out of {profile.label}?
        </h2>
        <p id={bodyId} className="dialog-body">
          This removes the saved token and the cached data of this profile ({profile.authId}) from
          this computer. To open it again you will need its Auth Token.
        </p>
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            aria-disabled={signingOut || undefined}
            onClick={() => void confirm()}
          >
            {signingOut && <Spinner />}
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </dialog>
    </>
  )
}
