import { describe, expect, it } from 'vitest'
import type { ProfileSummary } from '../../../shared/ipc-contract'
import { profileSubtitle } from '../../../renderer/src/features/sign-in/profile-text'

const profile = (patch: Partial<ProfileSummary>): ProfileSummary =>
  ({
    id: 'p1',
    authId: 'PA_ABC123',
    baseUrl: 'https://api.vobiz.ai',
    label: 'Production',
    isSandbox: false,
    tokenStorage: 'encrypted',
    ...patch,
  }) as ProfileSummary

describe('profileSubtitle', () => {
  it('a chosen label: the Auth ID and the host below it', () => {
    expect(profileSubtitle(profile({}))).toBe('PA_ABC123 · api.vobiz.ai')
  })

  it('a label left empty (Auth ID · host): nothing repeated', () => {
    expect(profileSubtitle(profile({ label: 'PA_ABC123 · api.vobiz.ai' }))).toBeNull()
  })

  it('a label naming the Auth ID only: the host', () => {
    expect(profileSubtitle(profile({ label: 'PA_ABC123 (ops)' }))).toBe('api.vobiz.ai')
  })

  it('the sandbox: its Auth ID, on this computer', () => {
    expect(
      profileSubtitle(
        profile({
          label: 'Sandbox',
          authId: 'PA_SANDBOX1',
          isSandbox: true,
          baseUrl: 'http://127.0.0.1:4010',
        }),
      ),
    ).toBe('PA_SANDBOX1 · on this computer')
  })
})
