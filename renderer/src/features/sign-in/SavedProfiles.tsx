import type { ProfileSummary } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { profileSubtitle } from './profile-text'

/**
 * Saved profiles as buttons. One with a kept token opens directly; one whose token is gone
 * (signed out, or kept for a session that ended) fills the form so the user types the token.
 */
export function SavedProfiles({
  profiles,
  activeProfileId,
  switchingTo,
  disabled,
  onOpen,
  onPrefill,
}: {
  profiles: ProfileSummary[]
  activeProfileId: string | null
  switchingTo: string | null
  disabled: boolean
  onOpen: (profile: ProfileSummary) => void
  onPrefill: (profile: ProfileSummary) => void
}) {
  if (profiles.length === 0) return null
  return (
    <section className="saved-profiles" aria-labelledby="saved-profiles-heading">
      <h2 id="saved-profiles-heading" className="section-label">
        Saved profiles
      </h2>
      <ul className="profile-list">
        {profiles.map((profile) => {
          // The sandbox makes its own token: a signed-out sandbox profile just opens again.
          const needsToken = profile.tokenStorage === 'none' && !profile.isSandbox
          const switching = switchingTo === profile.id
          const subtitle = profileSubtitle(profile)
          const action =
            profile.id === activeProfileId
              ? 'Current'
              : switching
                ? 'Opening…'
                : needsToken
                  ? 'Enter token'
                  : 'Open'
          return (
            <li key={profile.id}>
              <button
                type="button"
                className="profile-button"
                aria-disabled={disabled || undefined}
                onClick={() => {
                  if (disabled) return
                  if (needsToken) onPrefill(profile)
                  else onOpen(profile)
                }}
              >
                <span className="avatar" aria-hidden="true">
                  {profile.isSandbox ? (
                    <Icon name="sandbox" />
                  ) : (
                    (profile.label.trim()[0] ?? '?').toUpperCase()
                  )}
                </span>
                <span className="profile-button-text">
                  <span className="profile-button-label">{profile.label}</span>
                  {subtitle && <span className="profile-button-meta">{subtitle}</span>}
                </span>
                <span className={`profile-button-action${needsToken ? ' is-muted' : ''}`}>
                  {switching && <Spinner />}
                  {action}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
