import { KYC_RESEND_WAIT_SECONDS, KYC_SESSION_STATUSES, maskEmail } from '../../shared/vobiz-kyc'
import { httpErrorReply, parseJson, reply, type Reply } from './http'
import { createKycSessions, createdJson, isTerminal, progressAt, sessionJson } from './kyc-sessions'
import { validateNewKycSession, validateRevoke } from './kyc-validation'
import { validationReply } from './partner-api'
import type { Route } from './routes'
import type { Store } from './store'
import type { FieldError } from './validation'

const DEFAULT_SIZE = 20
const MAX_SIZE = 100
const BASE = '/api/v1/partner/kyc-sessions'

/**
 * KYC sessions (partner-usage-and-onboarding.md, "KYC sessions"). Errors are the page's
 * `{error: 'HTTPError', message, status_code}`; 422 the pydantic-style body. Statuses advance
 * with the sandbox clock (kyc-sessions.ts, KYC_SCHEDULE_MINUTES).
 */
export function kycRoutes(options: { store: Store; now: () => number }) {
  const { store, now } = options
  const sessions = createKycSessions()
  const notFound = () => httpErrorReply(404, 'KYC session not found')

  function create(bodyText: string): Reply {
    const json = parseJson(bodyText)
    if (!json.ok) return json.reply
    const checked = validateNewKycSession(json.value)
    if (!checked.ok) return validationReply(checked.errors)
    if (!store.get(checked.value.accountAuthId)) return httpErrorReply(404, 'Account not found')
    const at = now()
    return reply(201, createdJson(sessions.create(checked.value, at), at))
  }

  function list(query: URLSearchParams): Reply {
    const errors: FieldError[] = []
    const int = (name: string, fallback: number) => {
      const raw = query.get(name)
      if (raw === null) return fallback
      if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        errors.push({ field: name, message: `${name} must be a whole number of at least 1.` })
        return fallback
      }
      return Number(raw)
    }
    const page = int('page', 1)
    // Above 100 the size is clamped, as the accounts list does (not documented: our reading).
    const size = Math.min(MAX_SIZE, int('size', DEFAULT_SIZE))
    const status = query.get('status') || null
    if (status !== null && !(KYC_SESSION_STATUSES as readonly string[]).includes(status)) {
      errors.push({
        field: 'status',
        message: `status is one of ${KYC_SESSION_STATUSES.join(', ')}.`,
      })
    }
    if (errors.length > 0) return validationReply(errors)
    const account = query.get('account_auth_id') || null
    const at = now()
    const found = sessions
      .newestFirst()
      .filter(
        (s) =>
          (account === null || s.accountAuthId === account) &&
          (status === null || progressAt(s, at).status === status),
      )
    return reply(200, {
      sessions: found.slice((page - 1) * size, page * size).map((s) => sessionJson(s, at)),
      total: found.length,
      page,
      size,
    })
  }

  function resend(id: string): Reply {
    const session = sessions.get(id)
    if (!session) return notFound()
    const at = now()
    if (session.flow !== 'email') {
      return httpErrorReply(400, 'Resend is only available for email-flow sessions.')
    }
    if (isTerminal(session, at)) {
      return httpErrorReply(
        409,
        `The session is ${progressAt(session, at).status}: nothing to resend.`,
      )
    }
    const waitSeconds = Math.ceil(
      (session.createdAtMs + KYC_RESEND_WAIT_SECONDS * 1000 - at) / 1000,
    )
    if (waitSeconds > 0) {
      // The seconds are in the message as documented; Retry-After too (not documented: ours).
      return reply(
        429,
        {
          error: 'HTTPError',
          message: `Resend is allowed 30 minutes after the session was created. Try again in ${waitSeconds} seconds.`,
          status_code: 429,
        },
        { 'Retry-After': String(waitSeconds) },
      )
    }
    session.lastSentAtMs = at
    // The resend reply is not documented: our reading.
    return reply(200, {
      message: 'KYC email sent again.',
      session_id: session.id,
      email_dispatched_to: maskEmail(session.customerEmail ?? ''),
    })
  }

  function revoke(id: string, bodyText: string): Reply {
    const session = sessions.get(id)
    if (!session) return notFound()
    let body: unknown = null
    if (bodyText.trim()) {
      const json = parseJson(bodyText)
      if (!json.ok) return json.reply
      body = json.value
    }
    const checked = validateRevoke(body)
    if (!checked.ok) return validationReply(checked.errors)
    const at = now()
    if (isTerminal(session, at)) {
      return httpErrorReply(409, `The session is already ${progressAt(session, at).status}.`)
    }
    session.revokedAtMs = at
    session.revokeReason = checked.reason
    return reply(200, { message: 'KYC session revoked.', session_id: session.id })
  }

  const routes: Route[] = [
    {
      name: BASE,
      pattern: /^\/api\/v1\/partner\/kyc-sessions$/,
      methods: { GET: ({ query }) => list(query), POST: ({ body }) => create(body) },
    },
    {
      name: `${BASE}/{id}`,
      pattern: /^\/api\/v1\/partner\/kyc-sessions\/([^/]+)$/,
      methods: {
        GET: ({ params }) => {
          const session = sessions.get(params[0] ?? '')
          return session ? reply(200, sessionJson(session, now())) : notFound()
        },
        DELETE: ({ params, body }) => revoke(params[0] ?? '', body),
      },
    },
    {
      name: `${BASE}/{id}/resend`,
      pattern: /^\/api\/v1\/partner\/kyc-sessions\/([^/]+)\/resend$/,
      methods: { POST: ({ params }) => resend(params[0] ?? '') },
    },
  ]
  return { routes, reset: sessions.reset }
}
