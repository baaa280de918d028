import { create } from 'zustand'
import type { AppError } from '../../../shared/app-error'
import type { ProfileSummary, SessionState } from '../../../shared/ipc-contract'
import type { Result } from '../../../shared/result'
import type { SignInRequest } from '../../../shared/sign-in'
import { ipc } from '../ipc/client'
import { useNewCustomerStore } from './new-customer-store'

/** What the user was doing when something failed, so each screen shows its own errors. */
export type SessionAction = 'load' | 'signIn' | 'sandbox' | 'switch' | 'refresh' | 'signOut'

export type SessionFailure = { action: SessionAction; error: AppError }

type SessionStore = {
  /** The last state main reported; null until the first reply. */
  session: SessionState | null
  loaded: boolean
  signingIn: boolean
  startingSandbox: boolean
  refreshing: boolean
  signingOut: boolean
  /** The profile being switched to, while main checks it. */
  switchingTo: string | null
  lastError: SessionFailure | null
  /** The sign-in screen was opened to add a profile while another one stays signed in. */
  addingProfile: boolean
  /** A saved profile whose token must be typed again: its Auth ID and address fill the form. */
  prefill: ProfileSummary | null
  /** The notice the user closed; a different notice shows again. */
  dismissedNotice: string | null

  /** Reads the state once and follows `session:changed`; returns the unsubscribe. */
  start: () => () => void
  load: () => Promise<void>
  signIn: (request: SignInRequest) => Promise<Result<SessionState>>
  signInSandbox: () => Promise<Result<SessionState>>
  switchProfile: (profileId: string) => Promise<Result<SessionState>>
  signOut: (profileId: string) => Promise<Result<SessionState>>
  refresh: () => Promise<Result<SessionState>>
  startAddingProfile: (prefill?: ProfileSummary) => void
  stopAddingProfile: () => void
  clearError: () => void
  dismissNotice: () => void
}

export const useSessionStore = create<SessionStore>((set, get) => {
  /** Runs one call: sets its busy flag, records the state or the failure, clears the flag. */
  async function run(
    action: SessionAction,
    busy: Partial<SessionStore>,
    idle: Partial<SessionStore>,
    call: () => Promise<Result<SessionState>>,
  ): Promise<Result<SessionState>> {
    set({ ...busy, lastError: null })
    const result = await call()
    if (result.ok) {
      set({ ...idle, session: result.value, loaded: true })
    } else {
      set({ ...idle, lastError: { action, error: result.error } })
    }
    return result
  }

  return {
    session: null,
    loaded: false,
    signingIn: false,
    startingSandbox: false,
    refreshing: false,
    signingOut: false,
    switchingTo: null,
    lastError: null,
    addingProfile: false,
    prefill: null,
    dismissedNotice: null,

    start() {
      const unsubscribe = ipc.on('session:changed', (session) => set({ session, loaded: true }))
      void get().load()
      return unsubscribe
    },

    async load() {
      const result = await ipc.invoke('session:get', {})
      if (result.ok) set({ session: result.value, loaded: true })
      else set({ loaded: true, lastError: { action: 'load', error: result.error } })
    },

    async signIn(request) {
      const result = await run('signIn', { signingIn: true }, { signingIn: false }, () =>
        ipc.invoke('session:signIn', request),
      )
      if (result.ok) set({ addingProfile: false, prefill: null })
      return result
    },

    async signInSandbox() {
      const result = await run(
        'sandbox',
        { startingSandbox: true },
        { startingSandbox: false },
        () => ipc.invoke('session:signInSandbox', {}),
      )
      if (result.ok) set({ addingProfile: false, prefill: null })
      return result
    },

    async switchProfile(profileId) {
      const result = await run('switch', { switchingTo: profileId }, { switchingTo: null }, () =>
        ipc.invoke('session:switchProfile', { profileId }),
      )
      if (result.ok) {
        set({ addingProfile: false, prefill: null })
        // A half-typed customer belongs to the profile it was typed for.
        useNewCustomerStore.getState().finish()
      }
      return result
    },

    async signOut(profileId) {
      const result = await run('signOut', { signingOut: true }, { signingOut: false }, () =>
        ipc.invoke('session:signOut', { profileId }),
      )
      // Signing out on purpose drops the draft, its password included.
      if (result.ok) useNewCustomerStore.getState().finish()
      return result
    },

    refresh() {
      return run('refresh', { refreshing: true }, { refreshing: false }, () =>
        ipc.invoke('partner:refresh', {}),
      )
    },

    startAddingProfile: (prefill) =>
      set({ addingProfile: true, prefill: prefill ?? null, lastError: null }),
    stopAddingProfile: () => set({ addingProfile: false, prefill: null, lastError: null }),
    clearError: () => set({ lastError: null }),
    dismissNotice: () => set({ dismissedNotice: get().session?.notice ?? null }),
  }
})

/** The signed-in profile's summary, if any. */
export function activeProfile(session: SessionState | null) {
  if (!session?.activeProfileId) return null
  return session.profiles.find((p) => p.id === session.activeProfileId) ?? null
}
