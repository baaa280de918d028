import type { ProfileSummary } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useMenuButton } from '../../lib/use-menu-button'
import { useSessionStore } from '../../stores/session-store'
import { profileSubtitle } from '../sign-in/profile-text'

/**
 * The current profile as a menu button: the other saved profiles to switch to, and "Add profile",
 * which opens the sign-in screen while this profile stays signed in.
 */
export function ProfileMenu({
  current,
  profiles,
}: {
  current: ProfileSummary
  profiles: ProfileSummary[]
}) {
  const switchProfile = useSessionStore((s) => s.switchProfile)
  const startAddingProfile = useSessionStore((s) => s.startAddingProfile)
  const signInSandbox = useSessionStore((s) => s.signInSandbox)
  const switchingTo = useSessionStore((s) => s.switchingTo)
  const { open, close, triggerProps, menuProps } = useMenuButton()
  const others = profiles.filter((p) => p.id !== current.id)
  const switching = switchingTo ? profiles.find((p) => p.id === switchingTo) : undefined

  function choose(profile: ProfileSummary) {
    close(true)
    if (profile.tokenStorage !== 'none') void switchProfile(profile.id)
    else if (profile.isSandbox) void signInSandbox()
    else startAddingProfile(profile)
  }

  return (
    <div className="menu-anchor">
      <button {...triggerProps} type="button" className="profile-trigger">
        <span className="avatar avatar-small" aria-hidden="true">
          {current.isSandbox ? (
            <Icon name="sandbox" />
          ) : (
            (current.label.trim()[0] ?? '?').toUpperCase()
          )}
        </span>
        <span className="visually-hidden">Profile: </span>
        <span className="profile-trigger-label">
          {switching ? `Opening ${switching.label}…` : current.label}
        </span>
        {switching ? <Spinner /> : <Icon name="chevronDown" />}
      </button>
      {open && (
        <ul {...menuProps} aria-label="Profiles" className="menu">
          {others.map((profile) => (
            <li role="none" key={profile.id}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                onClick={() => choose(profile)}
              >
                <span className="avatar avatar-small" aria-hidden="true">
                  {profile.isSandbox ? (
                    <Icon name="sandbox" />
                  ) : (
                    (profile.label.trim()[0] ?? '?').toUpperCase()
                  )}
                </span>
                <span className="menu-item-text">
                  <span className="menu-item-label">{profile.label}</span>
                  <span className="menu-item-meta">
                    {[
                      profileSubtitle(profile),
                      profile.tokenStorage === 'none' && !profile.isSandbox ? 'needs token' : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </button>
            </li>
          ))}
          {others.length > 0 && <li role="separator" className="menu-separator" />}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                close(false)
                startAddingProfile()
              }}
            >
              <span className="avatar avatar-small avatar-plain" aria-hidden="true">
                <Icon name="plus" />
              </span>
              <span className="menu-item-label">Add profile</span>
            </button>
          </li>
        </ul>
      )}
    </div>
  )
}
