import { isHTTPError, isNetworkError, isTimeoutError, type HTTPError } from 'ky'
import { AppFailure, appError, type AppError, type AppErrorKind } from '../../../shared/app-error'
import { ERROR_KINDS } from '../../../shared/error-kinds'

/** Network failures that prove the request never reached the server. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

/** Failures meaning Vobiz was not reached (or not in time): a saved copy can be shown instead. */
const UNREACHED: ReadonlySet<AppErrorKind> = new Set(['offline', 'timeout'])

export const isUnreached = (error: unknown): boolean =>
  error instanceof AppFailure && UNREACHED.has(error.appError.kind)

function causeCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Field messages from the API's 400/422 bodies: the documented `details: [{loc, msg}]`
 * (more-endpoints.md, quirks: `loc` ends with the field), FastAPI's own `detail`, or
 * `errors: [{field, message}]`.
 */
function fieldsFrom(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!body || typeof body !== 'object') return fields
  const { errors, detail, details } = body as Record<string, unknown>
  if (Array.isArray(errors)) {
    for (const item of errors) {
      const { field, message } = (item ?? {}) as { field?: unknown; message?: unknown }
      if (typeof field === 'string' && typeof message === 'string') fields[field] ??= message
    }
  }
  for (const list of [details, detail]) {
    if (!Array.isArray(list)) continue
    for (const item of list) {
      const { loc, msg } = (item ?? {}) as { loc?: unknown; msg?: unknown }
      const field = Array.isArray(loc) ? loc[loc.length - 1] : undefined
      if (typeof field === 'string' && typeof msg === 'string') fields[field] ??= msg
    }
  }
  return fields
}

function messageFrom(body: unknown): string | undefined {
  if (typeof body === 'string') return body.length > 0 && body.length < 300 ? body : undefined
  if (!body || typeof body !== 'object') return undefined
  const { message, detail, error } = body as Record<string, unknown>
  for (const candidate of [message, detail, error]) {
    if (typeof candidate === 'string' && candidate.length < 300) return candidate
  }
  return undefined
}

function retryAfterSeconds(response: Response, nowMs: number): number | null {
  const header = response.headers.get('retry-after')
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000))
}

function httpErrorToAppError(error: HTTPError, host: string, nowMs: number): AppError {
  const { status } = error.response
  const said = messageFrom(error.data) ?? null
  switch (true) {
    case status === 401:
      return appError.unauthorized(ERROR_KINDS.unauthorized.api(host))
    case status === 403:
      return appError.forbidden(ERROR_KINDS.forbidden.api(host, said))
    case status === 404:
      return appError.notFound(ERROR_KINDS.not_found.api(host, said))
    case status === 409:
      return appError.conflict(ERROR_KINDS.conflict.api(said))
    case status === 400 || status === 422:
      return appError.validation(
        said ?? ERROR_KINDS.validation.api(host, status),
        fieldsFrom(error.data),
      )
    case status === 429: {
      const after = retryAfterSeconds(error.response, nowMs)
      return appError.rateLimited(ERROR_KINDS.rate_limited.api(host, after), after)
    }
    default:
      return appError.server(ERROR_KINDS.server.api(host, status), status)
  }
}

/**
 * Maps any failure of a request to an AppError. For a request that changes something (POST), a
 * failure after it may have reached the server is `unknown_outcome`: the caller must check the
 * server's state before offering a retry.
 */
/** `nowMs` dates a Retry-After given as an HTTP date. */
export function requestErrorToAppError(
  error: unknown,
  host: string,
  mutating: boolean,
  nowMs: number,
): AppError {
  if (isHTTPError(error)) return httpErrorToAppError(error, host, nowMs)
  if (isTimeoutError(error)) {
    return mutating
      ? appError.unknownOutcome(ERROR_KINDS.unknown_outcome.timeout(host))
      : appError.timeout(ERROR_KINDS.timeout.api(host))
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    const code = causeCode(error)
    if (mutating && !(code && NEVER_SENT.has(code))) {
      return appError.unknownOutcome(ERROR_KINDS.unknown_outcome.connectionLost(host))
    }
    return appError.offline(ERROR_KINDS.offline.api(host))
  }
  return appError.server(ERROR_KINDS.server.unexpected(host), null)
}
