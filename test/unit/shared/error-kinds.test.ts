import { HTTPError, NetworkError, TimeoutError, type NormalizedOptions } from 'ky'
import { describe, expect, it } from 'vitest'
import { requestErrorToAppError } from '../../../electron/main/vobiz/vobiz-errors'
import { describeError } from '../../../renderer/src/lib/error-messages'
import { appErrorSchema, type AppError, type AppErrorKind } from '../../../shared/app-error'
import { ERROR_KINDS } from '../../../shared/error-kinds'

const HOST = 'api.example.com'
const request = () => new Request(`https://${HOST}/api/v1/partner/me`)

function httpError(status: number, data?: unknown, headers?: Record<string, string>) {
  const error = new HTTPError(new Response(null, { status, headers }), request(), {
    method: 'GET',
  } as NormalizedOptions)
  error.data = data
  return error
}

const fromApi = (error: unknown, mutating = false) =>
  requestErrorToAppError(error, HOST, mutating, Date.now())

/** One AppError of each kind, all with the same message from main. */
function errorOf(kind: AppErrorKind): AppError {
  return appErrorSchema.parse({
    kind,
    message: 'What main said.',
    fields: {},
    retryAfterSeconds: null,
    status: null,
  })
}

describe('main words the API failures from the table', () => {
  it.each([
    [401, 'unauthorized', ERROR_KINDS.unauthorized.api(HOST)],
    [403, 'forbidden', ERROR_KINDS.forbidden.api(HOST, null)],
    [404, 'not_found', ERROR_KINDS.not_found.api(HOST, null)],
    [409, 'conflict', ERROR_KINDS.conflict.api(null)],
    [422, 'validation', ERROR_KINDS.validation.api(HOST, 422)],
    [429, 'rate_limited', ERROR_KINDS.rate_limited.api(HOST, null)],
    [502, 'server', ERROR_KINDS.server.api(HOST, 502)],
  ] as const)('HTTP %i is %s, in the table’s words', (status, kind, message) => {
    expect(fromApi(httpError(status))).toMatchObject({ kind, message })
  })

  it('names the host, and adds what the server said', () => {
    expect(fromApi(httpError(403, { message: 'KYC pending' })).message).toBe(
      'api.example.com refused this action for your partner account (403). The server said: KYC pending',
    )
    expect(fromApi(httpError(429, {}, { 'retry-after': '7' }))).toEqual({
      kind: 'rate_limited',
      message: 'api.example.com is limiting requests (429). Try again in 7 s.',
      retryAfterSeconds: 7,
    })
    // A Retry-After as an HTTP date is counted from the given clock, not the machine's.
    const at = Date.parse('2026-12-02T10:00:00Z')
    const dated = httpError(429, {}, { 'retry-after': 'Wed, 02 Dec 2026 10:01:30 GMT' })
    expect(requestErrorToAppError(dated, HOST, false, at)).toMatchObject({ retryAfterSeconds: 90 })
  })

  it('a lost connection or a timeout is unknown_outcome only for a change', () => {
    const lost = new NetworkError(request(), { cause: new TypeError('fetch failed') })
    const refused = new NetworkError(request(), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    })
    expect(fromApi(lost)).toEqual({ kind: 'offline', message: ERROR_KINDS.offline.api(HOST) })
    expect(fromApi(refused, true)).toMatchObject({ kind: 'offline' })
    expect(fromApi(lost, true)).toEqual({
      kind: 'unknown_outcome',
      message: ERROR_KINDS.unknown_outcome.connectionLost(HOST),
    })
    expect(fromApi(new TimeoutError(request()))).toEqual({
      kind: 'timeout',
      message: 'api.example.com did not answer in time. Check your connection and try again.',
    })
    expect(fromApi(new TimeoutError(request()), true)).toEqual({
      kind: 'unknown_outcome',
      message: ERROR_KINDS.unknown_outcome.timeout(HOST),
    })
  })
})

describe('the renderer reads the same table', () => {
  const kinds = appErrorSchema.options.map((option) => option.shape.kind.value)

  it('a kind with a title heads main’s message with it; the others show main’s message', () => {
    const titled = Object.fromEntries(
      kinds.map((kind) => [kind, describeError(errorOf(kind))] as const),
    )
    expect(titled).toEqual({
      unauthorized: { title: 'What main said.', detail: null },
      forbidden: {
        title: 'This partner account is not allowed to do that.',
        detail: 'What main said.',
      },
      validation: {
        title: 'Some details need fixing before you can continue.',
        detail: 'What main said.',
      },
      conflict: { title: 'What main said.', detail: null },
      not_found: { title: 'What main said.', detail: null },
      rate_limited: { title: 'What main said.', detail: null },
      offline: { title: 'What main said.', detail: null },
      timeout: { title: 'What main said.', detail: null },
      server: { title: 'What main said.', detail: null },
      unknown_outcome: { title: 'What main said.', detail: null },
      storage: {
        title: 'Partner Desk could not read or save your token on this computer.',
        detail: 'What main said.',
      },
      file: {
        title: 'Partner Desk could not save a file on this computer.',
        detail: 'What main said.',
      },
    })
  })

  it('a 401 on the sign-in form says the typed Auth ID or Auth Token is wrong', () => {
    const refused = fromApi(httpError(401))
    expect(describeError(refused, { credentialsTyped: true })).toEqual({
      title: 'The Auth ID or Auth Token is wrong. Check both and try again.',
      detail: null,
    })
    // A saved token refused later: main's words, which name the host.
    expect(describeError(refused).title).toBe(
      'api.example.com did not accept this Auth ID and Auth Token (401). Check both and try again.',
    )
  })
})
