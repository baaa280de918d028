import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KycList, KycSessionView, KycStarted } from '../../../shared/kyc'
import type { Result } from '../../../shared/result'
import { signInTo, valueOf } from '../../support/customers'
import { createManualScheduler } from '../../support/manual-scheduler'
import { sandboxSuite } from '../../support/sandbox-suite'
import { filesContaining, makeTempDir } from '../../support/temp-dir'
import { partnerApi } from '../sandbox/helpers'

// KYC sessions through the app's IPC table, against the sandbox over real HTTP; main and the
// sandbox share one fake clock, so the 30-minute resend window and the clipboard clearing are
// moved through by hand.

const time = createManualScheduler(Date.UTC(2026, 10, 20, 9))
const suite = sandboxSuite({ customers: 6, seed: 4, now: () => time.clock.now() })
const MINUTE = 60_000

async function signedIn() {
  const dir = makeTempDir()
  const app = suite.open(dir, { scheduler: time.scheduler, clock: time.clock })
  const profileId = await signInTo(app, suite.api)
  const accounts = (
    (await partnerApi(suite.api).get('/api/v1/partner/accounts?per_page=3')).body as {
      accounts: { auth_id: string }[]
    }
  ).accounts.map((a) => a.auth_id)
  const start = (request: Record<string, unknown>) =>
    valueOf<KycStarted>(app.invoke('kyc:start', { expiresInDays: 7, ...request }))
  const failure = async (pending: Promise<Result<unknown>>) => {
    const result = await pending
    if (result.ok) throw new Error('expected a failure')
    return result.error
  }
  return { dir, app, profileId, accounts, start, failure }
}

describe('KYC sessions in main', () => {
  it('starts an email session: masked destination, resend allowed 30 minutes after', async () => {
    const { app, accounts, start } = await signedIn()
    const { session, replaced } = await start({
      authId: accounts[0],
      flow: 'email',
      email: 'meera.k@example.com',
    })
    expect(replaced).toBe(false)
    expect(session).toMatchObject({
      authId: accounts[0],
      flow: 'email',
      status: 'email_sent',
      sentTo: 'm***@example.com',
      hasLink: false,
      finished: false,
    })
    expect(Date.parse(session.resendAllowedAt!)).toBe(time.clock.now() + 30 * MINUTE)
    const latest = await valueOf<{ session: KycSessionView }>(
      app.invoke('kyc:latest', { authId: accounts[0] }),
    )
    expect(latest.session).toMatchObject({
      id: session.id,
      resendAllowedAt: session.resendAllowedAt,
    })
  })

  it('refuses a start form field by field before any request', async () => {
    const { app, accounts, failure } = await signedIn()
    const before = suite.api.state().totalRequests
    const error = await failure(
      app.invoke('kyc:start', { authId: accounts[0], flow: 'redirect', redirectUrl: 'ftp://x' }),
    )
    expect(error).toMatchObject({ kind: 'validation', fields: { redirectUrl: expect.any(String) } })
    expect(suite.api.state().totalRequests).toBe(before)
  })

  it('keeps a redirect link encrypted in main: copied through the guard, revealed briefly', async () => {
    const { dir, app, accounts, start } = await signedIn()
    const { session } = await start({
      authId: accounts[1],
      flow: 'redirect',
      redirectUrl: 'https://partner.example.com/kyc-done',
    })
    expect(session).toMatchObject({ flow: 'redirect', status: 'link_ready', hasLink: true })
    expect(JSON.stringify(session)).not.toContain('widget')
    const copied = await valueOf<{ clearsAt: string }>(
      app.invoke('kyc:copyLink', { sessionId: session.id }),
    )
    const link = app.clipboard.current()
    expect(link).toMatch(new RegExp(`^https://kyc\\.vobiz\\.ai/widget/${session.id}\\?token=`))
    expect(Object.keys(app.clipboard.formats()).length).toBeGreaterThan(0) // marked secret
    const revealed = await valueOf<{ link: string; hideAfterMs: number }>(
      app.invoke('kyc:revealLink', { sessionId: session.id }),
    )
    expect(revealed.link).toBe(link)
    expect(revealed.hideAfterMs).toBeLessThanOrEqual(8_000)
    // Encrypted on disk, never in plain text (log included).
    expect(filesContaining(dir, link)).toEqual([])
    await time.advance(Date.parse(copied.clearsAt) - time.clock.now())
    expect(app.clipboard.current()).toBe('')
  })

  it('a new session replaces the active one: reported, and the old link is dropped', async () => {
    const { app, accounts, start, failure } = await signedIn()
    const first = await start({
      authId: accounts[0],
      flow: 'redirect',
      redirectUrl: 'https://partner.example.com/done',
    })
    const second = await start({ authId: accounts[0], flow: 'email', email: 'a@example.com' })
    expect(second.replaced).toBe(true)
    const old = await failure(app.invoke('kyc:copyLink', { sessionId: first.session.id }))
    expect(old.kind).toBe('not_found')
    const list = await valueOf<KycList>(app.invoke('kyc:list', { authId: accounts[0] }))
    expect(list.sessions.map((s) => [s.id, s.status, s.hasLink])).toEqual([
      [second.session.id, 'email_sent', false],
      [first.session.id, 'revoked', false],
    ])
  })

  it('resend: refused within 30 minutes and for a redirect session, then allowed', async () => {
    const { app, accounts, start, failure } = await signedIn()
    const { session } = await start({ authId: accounts[2], flow: 'email', email: 'b@example.com' })
    await time.advance(20 * MINUTE)
    const early = await failure(app.invoke('kyc:resend', { sessionId: session.id }))
    expect(early).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 600 })
    await time.advance(10 * MINUTE)
    const resent = await valueOf<{ session: KycSessionView }>(
      app.invoke('kyc:resend', { sessionId: session.id }),
    )
    expect(resent.session.id).toBe(session.id)
    const link = await start({
      authId: accounts[1],
      flow: 'redirect',
      redirectUrl: 'https://partner.example.com/done',
    })
    expect((await failure(app.invoke('kyc:resend', { sessionId: link.session.id }))).kind).toBe(
      'validation',
    )
  })

  it('revoke: the session reads revoked, its link is gone, a second revoke is a conflict', async () => {
    const { app, accounts, start, failure } = await signedIn()
    const { session } = await start({
      authId: accounts[1],
      flow: 'redirect',
      redirectUrl: 'https://partner.example.com/done',
    })
    const revoked = await valueOf<{ session: KycSessionView }>(
      app.invoke('kyc:revoke', { sessionId: session.id, reason: 'Wrong person' }),
    )
    expect(revoked.session).toMatchObject({ status: 'revoked', finished: true, hasLink: false })
    expect((await failure(app.invoke('kyc:revoke', { sessionId: session.id }))).kind).toBe(
      'conflict',
    )
    expect((await failure(app.invoke('kyc:copyLink', { sessionId: session.id }))).kind).toBe(
      'not_found',
    )
  })

  it('lists across customers with a status filter as the clock moves the sessions on', async () => {
    const { app, accounts, start } = await signedIn()
    const a = await start({ authId: accounts[0], flow: 'email', email: 'a@example.com' })
    await time.advance(50 * MINUTE)
    const b = await start({ authId: accounts[1], flow: 'email', email: 'b@example.com' })
    const opened = await valueOf<KycList>(app.invoke('kyc:list', { status: 'opened' }))
    expect(opened.sessions.map((s) => s.id)).toEqual([a.session.id])
    expect(opened.sessions[0]!.firstOpenedAt).not.toBeNull()
    const all = await valueOf<KycList>(app.invoke('kyc:list', {}))
    expect(all.sessions.map((s) => s.id)).toEqual([b.session.id, a.session.id])
  })

  it('forgets the links at sign-out', async () => {
    const { dir, app, accounts, start, profileId } = await signedIn()
    await start({ authId: accounts[1], flow: 'redirect', redirectUrl: 'https://p.example.com/' })
    const file = join(dir, 'secrets', `${profileId}.kyc-links`)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).not.toContain('kyc.vobiz.ai')
    await valueOf(app.invoke('session:signOut', { profileId }))
    expect(existsSync(file)).toBe(false)
  })
})
