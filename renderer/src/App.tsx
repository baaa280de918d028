import { useStoreSubscriptions } from './app/use-store-subscriptions'
import { BrandMark } from './components/BrandMark'
import { ErrorAlert } from './components/ErrorAlert'
import { Spinner } from './components/Spinner'
import { HomeScreen } from './features/home/HomeScreen'
import { SignInScreen } from './features/sign-in/SignInScreen'
import { describeError } from './lib/error-messages'
import { activeProfile, useSessionStore } from './stores/session-store'

/** Picks the screen from main's session state: sign-in until a profile is active, then home. */
export function App() {
  const session = useSessionStore((s) => s.session)
  const loaded = useSessionStore((s) => s.loaded)
  const addingProfile = useSessionStore((s) => s.addingProfile)
  const lastError = useSessionStore((s) => s.lastError)
  const load = useSessionStore((s) => s.load)

  const profile = session ? activeProfile(session) : null
  const home = profile && !addingProfile ? profile : null
  useStoreSubscriptions(home?.id ?? null)

  if (!session) {
    return (
      <main className="boot">
        <BrandMark />
        <h1 className="visually-hidden">Partner Desk</h1>
        {loaded && lastError ? (
          <div className="boot-error">
            <ErrorAlert text={describeError(lastError.error)} />
            <button type="button" className="button button-primary" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="boot-status" role="status">
            <Spinner />
            Loading…
          </p>
        )}
      </main>
    )
  }

  if (home) return <HomeScreen session={session} profile={home} />
  return <SignInScreen session={session} />
}
