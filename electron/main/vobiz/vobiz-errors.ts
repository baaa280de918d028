import { isHTTPError, isNetworkError, isTimeoutError, type HTTPError } from 'ky'
import { appError, type AppError } from '../../../shared/app-error'

/** Network failures that prove the request never reached the server. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

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

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('retry-after')
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

export function httpErrorToAppError(error: HTTPError, host: string): AppError {
  const { status } = error.response
  const detail = messageFrom(error.data)
  const suffix = detail ? ` The server said: ${detail}` : ''
  switch (true) {
    case status === 401:
      return appError.unauthorized(
        `${host} did not accept this Auth ID and Auth Token (401). Check both and try again.`,
      )
    case status === 403:
      return appError.forbidden(
        `${host} refused this action for your partner account (403).${suffix}`,
      )
    case status === 404:
      return appError.notFound(`${host} has no such record (404).${suffix}`)
    case status === 409:
      return appError.conflict(`This conflicts with an existing record (409).${suffix}`)
    case status === 400 || status === 422:
      return appError.validation(
        detail ?? `${host} rejected the request as invalid (${status}).`,
        fieldsFrom(error.data),
      )
    case status === 429: {
      const after = retryAfterSeconds(error.response)
      const when = after === null ? 'in a moment' : `in ${after} s`
      return appError.rateLimited(`${host} is limiting requests (429). Try again ${when}.`, after)
    }
    default:
      return appError.server(
        `${host} had a problem answering (HTTP ${status}). Try again soon.`,
        status,
      )
  }
}

/**
 * Maps any failure of a request to an AppError. For a request that changes something (POST), a
 * failure after it may have reached the server is `unknown_outcome`: the caller must check the
 * server's state before offering a retry.
 */
export function requestErrorToAppError(error: unknown, host: string, mutating: boolean): AppError {
  if (isHTTPError(error)) return httpErrorToAppError(error, host)
  if (isTimeoutError(error)) {
    return mutating
      ? appError.unknownOutcome(
          `${host} did not answer in time. The change may or may not have been applied.`,
        )
      : appError.timeout(`${host} did not answer in time. Check your connection and try again.`)
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    const code = causeCode(error)
    if (mutating && !(code && NEVER_SENT.has(code))) {
      return appError.unknownOutcome(
        `The connection to ${host} was lost before its reply arrived. The change may or may not have been applied.`,
      )
    }
    return appError.offline(`Can't reach ${host}. Check the address and your network connection.`)
  }
  return appError.server(`Unexpected failure talking to ${host}.`, null)
}
