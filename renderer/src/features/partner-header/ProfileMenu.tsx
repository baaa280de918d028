import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ProfileSummary } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useSessionStore } from '../../stores/session-store'
import { profilePlace } from '../sign-in/SavedProfiles'

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
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLUListElement>(null)
  const others = profiles.filter((p) => p.id !== current.id)
  const switching = switchingTo ? profiles.find((p) => p.id === switchingTo) : undefined

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

  function openMenu(focus: 'first' | 'last') {
    setOpen(true)
    requestAnimationFrame(() => {
      const list = items()
      ;(focus === 'first' ? list[0] : list[list.length - 1])?.focus()
    })
  }

  function close(restoreFocus: boolean) {
    setOpen(false)
    if (restoreFocus) trigger.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  function onTriggerKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last')
    }
  }

  function onMenuKey(event: KeyboardEvent<HTMLUListElement>) {
    const list = items()
    const index = list.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      event.preventDefault()
      list[(to + list.length) % list.length]?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1)
      case 'ArrowUp':
        return move(index - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(list.length - 1)
      case 'Escape':
        event.preventDefault()
        return close(true)
      case 'Tab':
        return close(false)
    }
  }

  function choose(profile: ProfileSummary) {
    close(true)
    if (profile.tokenStorage !== 'none') void switchProfile(profile.id)
    else if (profile.isSandbox) void signInSandbox()
    else startAddingProfile(profile)
  }

  return (
    <div className="menu-anchor">
      <button
        ref={trigger}
        type="button"
        className="profile-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onTriggerKey}
      >
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
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Profiles"
          className="menu"
          onKeyDown={onMenuKey}
        >
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
                    {profile.authId} · {profilePlace(profile)}
                    {profile.tokenStorage === 'none' && !profile.isSandbox ? ' · needs token' : ''}
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
