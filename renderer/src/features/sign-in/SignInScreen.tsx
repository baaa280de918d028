import { useId } from 'react'
import type { SessionState } from '../../../../shared/ipc-contract'
import { BrandMark } from '../../components/BrandMark'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { NoticeBanner } from '../../components/NoticeBanner'
import { Spinner } from '../../components/Spinner'
import { ThemeToggle } from '../../components/ThemeToggle'
import { describeError } from '../../lib/error-messages'
import { activeProfile, useSessionStore } from '../../stores/session-store'
import { SavedProfiles } from './SavedProfiles'
import { SignInForm } from './SignInForm'
import { useSignInForm } from './use-sign-in-form'

const SIGN_IN_ACTIONS = new Set(['load', 'signIn', 'sandbox', 'switch'])

export function SignInScreen({ session }: { session: SessionState }) {
  const store = useSessionStore()
  const current = activeProfile(session)
  const adding = store.addingProfile && current !== null
  const sandboxHintId = useId()
  const form = useSignInForm({
    initial: store.prefill,
    allowWeakStorage: session.encryption === 'basic_text',
    submit: (request) => store.signIn(request),
  })
  const busy = store.signingIn || store.startingSandbox || store.switchingTo !== null
  const failure =
    store.lastError && SIGN_IN_ACTIONS.has(store.lastError.action) ? store.lastError : null

  return (
    <div className="sign-in-page">
      <header className="sign-in-topbar">
        <BrandMark />
        <ThemeToggle />
      </header>
      <main className="sign-in-main">
        <div className="sign-in-card">
          {adding && (
            <button
              type="button"
              className="button button-ghost button-small back-button"
              onClick={store.stopAddingProfile}
            >
              <Icon name="chevronLeft" />
              Back to {current.label}
            </button>
          )}
          <h1 className="sign-in-title">{adding ? 'Add a profile' : 'Sign in to Partner Desk'}</h1>
          <p className="sign-in-intro">
            Use the Auth ID and Auth Token of your Vobiz partner account. Partner Desk checks them
            with Vobiz before saving anything.
          </p>

          {/* Main's notice is about the signed-in profile: not shown while adding another. */}
          {!adding && <NoticeBanner />}

          <SavedProfiles
            profiles={session.profiles}
            activeProfileId={adding ? session.activeProfileId : null}
            switchingTo={store.switchingTo}
            disabled={busy}
            onOpen={(profile) => {
              if (profile.id === session.activeProfileId) store.stopAddingProfile()
              else if (profile.isSandbox && profile.tokenStorage === 'none')
                void store.signInSandbox()
              else void store.switchProfile(profile.id)
            }}
            onPrefill={(profile) => {
              store.clearError()
              form.prefill(profile)
            }}
          />
          {session.profiles.length > 0 && (
            <h2 className="section-label new-profile-heading">
              {adding ? 'New profile' : 'Sign in with a token'}
            </h2>
          )}

          {failure && (
            <ErrorAlert
              text={describeError(failure.error, {
                credentialsTyped: failure.action === 'signIn',
              })}
            />
          )}

          <SignInForm
            form={form}
            busy={store.signingIn}
            disabled={busy && !store.signingIn}
            encryption={session.encryption}
          />

          <div className="divider" role="presentation">
            <span>or</span>
          </div>

          <div className="sandbox-option">
            <button
              type="button"
              className="button button-secondary button-block"
              aria-describedby={sandboxHintId}
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void store.signInSandbox()
              }}
            >
              {store.startingSandbox ? <Spinner /> : <Icon name="sandbox" />}
              {store.startingSandbox ? 'Starting the sandbox…' : 'Try the sandbox'}
            </button>
            <p className="sandbox-hint" id={sandboxHintId}>
              No Vobiz account needed: demo customers and balances served on this computer.
            </p>
          </div>
        </div>
      </main>
    </div>
  )
}
