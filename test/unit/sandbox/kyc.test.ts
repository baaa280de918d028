import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../../electron/sandbox'
import { sandboxSuite } from '../../support/sandbox-suite'
import { asObject, control, errorBody, failedFields, manualClock, partnerApi } from './helpers'

const BASE = '/api/v1/partner/kyc-sessions'
const MINUTE = 60_000
const clock = manualClock()

describe('sandbox KYC sessions', () => {
  const suite = sandboxSuite({ customers: 5, seed: 3, now: clock.now })
  const api = () => partnerApi(suite.api)
  const customer = async (index = 0) =>
    (
      (await api().get('/api/v1/partner/accounts?per_page=5')).body as {
        accounts: { auth_id: string }[]
      }
    ).accounts[index]!.auth_id
  const emailSession = async (accountAuthId: string, extra: Record<string, unknown> = {}) =>
    api().post(BASE, {
      account_auth_id: accountAuthId,
      customer_email: 'meera@example.com',
      ...extra,
    })
  const redirectSession = async (accountAuthId: string) =>
    api().post(BASE, {
      account_auth_id: accountAuthId,
      flow_type: 'redirect',
      redirect_url: 'https://partner.example.com/done',
    })
  const sessionId = (reply: { body: unknown }) => asObject(reply.body).session_id as string
  const statusOf = async (id: string) => asObject((await api().get(`${BASE}/${id}`)).body).status

  it('creates an email session (default flow) with a masked destination', async () => {
    const id = await customer()
    const reply = await emailSession(id)
    expect(reply.status).toBe(201)
    expect(reply.body).toMatchObject({
      account_auth_id: id,
      customer_email: 'meera@example.com',
      email_dispatched_to: 'm***@example.com',
      status: 'email_sent',
      widget_url: null,
      kyc_link: null,
      kyc_type: null,
    })
    const expires = Date.parse(asObject(reply.body).expires_at as string)
    expect(expires - clock.now()).toBe(7 * 24 * 60 * MINUTE)
  })

  it('creates a redirect session with a widget link and no email', async () => {
    const reply = await redirectSession(await customer())
    expect(reply.status).toBe(201)
    const body = asObject(reply.body)
    expect(body.status).toBe('link_ready')
    expect(body.email_dispatched_to).toBeNull()
    expect(body.widget_url).toMatch(/^https:\/\/kyc\.vobiz\.ai\/widget\/.+\?token=.{20,}$/)
  })

  it('refuses a bad body field by field (422) and an unknown account (404)', async () => {
    const account = await customer()
    const missing = await api().post(BASE, { account_auth_id: account })
    expect(missing.status).toBe(422)
    expect(failedFields(missing)).toEqual(['customer_email'])
    const redirect = await api().post(BASE, { account_auth_id: account, flow_type: 'redirect' })
    expect(failedFields(redirect)).toEqual(['redirect_url'])
    const bad = await api().post(BASE, {
      account_auth_id: 'nobody',
      flow_type: 'sms',
      expires_in_days: 0,
      webhook_url: 'ftp://x',
    })
    expect(failedFields(bad).sort()).toEqual(
      ['account_auth_id', 'expires_in_days', 'flow_type', 'webhook_url'].sort(),
    )
    const reminder = await emailSession(account, {
      expires_in_days: 3,
      reminder_schedule: [{ trigger: 'days_before_expiry', value: 3 }],
    })
    expect(failedFields(reminder)).toEqual(['reminder_schedule.0.value'])
    const unknown = await emailSession('MA_NOTOURS1')
    expect(unknown.status).toBe(404)
    expect(errorBody(unknown)).toEqual({
      error: 'HTTPError',
      message: 'Account not found',
      status_code: 404,
    })
  })

  it('keeps one active session per account: a new one revokes the previous silently', async () => {
    const [a, b] = [await customer(0), await customer(1)]
    const first = sessionId(await emailSession(a))
    const other = sessionId(await emailSession(b))
    const second = sessionId(await redirectSession(a))
    expect(await statusOf(first)).toBe('revoked')
    expect(await statusOf(second)).toBe('link_ready')
    expect(await statusOf(other)).toBe('email_sent')
  })

  it('advances the status with the clock and freezes it when revoked', async () => {
    const id = sessionId(await emailSession(await customer()))
    const start = clock.now()
    clock.advance(45 * MINUTE)
    const opened = asObject((await api().get(`${BASE}/${id}`)).body)
    expect(opened.status).toBe('opened')
    expect(Date.parse(opened.first_opened_at as string)).toBe(start + 45 * MINUTE)
    expect(opened.completed_at).toBeNull()
    clock.advance(15 * MINUTE)
    expect(await statusOf(id)).toBe('in_progress')
    clock.advance(30 * MINUTE)
    const done = asObject((await api().get(`${BASE}/${id}`)).body)
    expect(done.status).toBe('kyc_completed')
    expect(Date.parse(done.completed_at as string)).toBe(start + 90 * MINUTE)
    expect(done.verified_data).not.toBeNull()

    const revoked = sessionId(await emailSession(await customer(1)))
    clock.advance(50 * MINUTE)
    expect(
      (await api().send('DELETE', `${BASE}/${revoked}`, { reason: 'wrong person' })).status,
    ).toBe(200)
    clock.advance(60 * MINUTE)
    const frozen = asObject((await api().get(`${BASE}/${revoked}`)).body)
    expect(frozen).toMatchObject({ status: 'revoked', completed_at: null })
    expect(frozen.first_opened_at).not.toBeNull()
  })

  it('resends email sessions only after 30 minutes, never redirect or terminal ones', async () => {
    const account = await customer()
    const id = sessionId(await emailSession(account))
    clock.advance(10 * MINUTE)
    const early = await api().post(`${BASE}/${id}/resend`, {})
    expect(early.status).toBe(429)
    expect(errorBody(early).message).toContain('1200 seconds')
    expect(early.headers.get('retry-after')).toBe('1200')
    clock.advance(20 * MINUTE)
    const ok = await api().post(`${BASE}/${id}/resend`, {})
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ session_id: id, email_dispatched_to: 'm***@example.com' })

    const link = sessionId(await redirectSession(account))
    expect((await api().post(`${BASE}/${link}/resend`, {})).status).toBe(400)
    expect((await api().post(`${BASE}/${id}/resend`, {})).status).toBe(409) // revoked by `link`
    expect((await api().post(`${BASE}/nope/resend`, {})).status).toBe(404)
  })

  it('revokes with an optional reason; 409 when terminal, 404 unknown, 422 bad reason', async () => {
    const id = sessionId(await emailSession(await customer()))
    expect((await api().send('DELETE', `${BASE}/${id}`, { reason: 42 })).status).toBe(422)
    const revoked = await api().send('DELETE', `${BASE}/${id}`)
    expect(revoked.status).toBe(200)
    expect(revoked.body).toEqual({ message: 'KYC session revoked.', session_id: id })
    const again = await api().send('DELETE', `${BASE}/${id}`)
    expect(again.status).toBe(409)
    expect(errorBody(again).status_code).toBe(409)
    expect((await api().send('DELETE', `${BASE}/nope`)).status).toBe(404)

    const done = sessionId(await emailSession(await customer(1)))
    clock.advance(90 * MINUTE)
    expect((await api().send('DELETE', `${BASE}/${done}`)).status).toBe(409)
  })

  it('lists newest first with page, size, status and account filters', async () => {
    const [a, b] = [await customer(0), await customer(1)]
    const ids = [
      sessionId(await emailSession(a)),
      sessionId(await emailSession(b)),
      sessionId(await redirectSession(a)),
    ]
    const all = asObject((await api().get(BASE)).body)
    expect(all).toMatchObject({ total: 3, page: 1, size: 20 })
    expect((all.sessions as { id: string }[]).map((s) => s.id)).toEqual(ids.slice().reverse())
    const revoked = asObject((await api().get(`${BASE}?status=revoked`)).body)
    expect((revoked.sessions as { id: string }[]).map((s) => s.id)).toEqual([ids[0]])
    const ofA = asObject((await api().get(`${BASE}?account_auth_id=${a}&size=1&page=2`)).body)
    expect(ofA).toMatchObject({ total: 2, page: 2, size: 1 })
    expect((ofA.sessions as { id: string }[]).map((s) => s.id)).toEqual([ids[0]])
    const bad = await api().get(`${BASE}?status=done&page=0`)
    expect(bad.status).toBe(422)
    expect(failedFields(bad).sort()).toEqual(['page', 'status'])
    expect((await api().get(`${BASE}/nope`)).status).toBe(404)
  })
})

describe('sandbox clock control', () => {
  it('moves a frozen clock forward until a reset', async () => {
    const frozen = Date.UTC(2026, 10, 20, 10)
    const sandbox = await startSandbox({ customers: 2, now: () => frozen, controlEndpoints: true })
    try {
      const moved = await control(sandbox, 'POST', '/clock', { seconds: 1800 })
      expect(moved.body).toEqual({ now: new Date(frozen + 1_800_000).toISOString() })
      expect((await control(sandbox, 'POST', '/clock', { seconds: -1 })).status).toBe(422)
      await control(sandbox, 'POST', '/reset')
      sandbox.advanceClock(1000)
      expect((await control(sandbox, 'POST', '/clock', { seconds: 1 })).body).toEqual({
        now: new Date(frozen + 2000).toISOString(),
      })
    } finally {
      await sandbox.close()
    }
  })
})
