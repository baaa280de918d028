import { describe, expect, it } from 'vitest'
import { fieldMessages } from '../../../shared/field-messages'
import { authIdFormatMessage, isAllowedApiUrl, signInSchema } from '../../../shared/sign-in'

const good = { authId: 'PA_ABC123', authToken: 'tok_123', baseUrl: '' }

describe('signInSchema', () => {
  it('accepts good input and defaults the base URL', () => {
    const parsed = signInSchema.parse(good)
    expect(parsed.baseUrl).toBe('https://api.vobiz.ai')
    expect(parsed.allowWeakStorage).toBe(false)
  })

  it.each([
    [{ authId: '' }, 'authId', 'Enter your partner Auth ID.'],
    [{ authId: 'PA ABC' }, 'authId', 'An Auth ID has only letters, digits, _ and -.'],
    [{ authToken: '' }, 'authToken', 'Enter your Auth Token.'],
    [{ authToken: 'a b' }, 'authToken', 'An Auth Token has no spaces.'],
    [
      { baseUrl: 'http://api.vobiz.ai' },
      'baseUrl',
      'Use an https:// address (http:// only for this computer).',
    ],
    [
      { baseUrl: 'not a url' },
      'baseUrl',
      'Use an https:// address (http:// only for this computer).',
    ],
  ])('%j → a message on %s', (patch, field, message) => {
    const parsed = signInSchema.safeParse({ ...good, ...patch })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(fieldMessages(parsed.error)[field]).toBe(message)
  })

  it('trims a trailing slash from the base URL', () => {
    expect(signInSchema.parse({ ...good, baseUrl: 'https://example.test/' }).baseUrl).toBe(
      'https://example.test',
    )
  })
})

describe('authIdFormatMessage', () => {
  const shape =
    'A partner Auth ID looks like PA_XXXXXXXX: two capital letters, _ and capitals or digits. Copy it from the Vobiz console.'
  it.each([
    ['PA_XXXXXXXX', null],
    ['PA_SANDBOX1', null],
    [' PA_ABC123 ', null],
    ['hello', shape],
    ['pa_abc123', shape],
    ['PA_', shape],
    ['PAX_123', shape],
    ['PA_abc-1', shape],
    [
      'MA_XXXXXXXX',
      'MA_… is the Auth ID of a customer’s main account. Sign in with your partner Auth ID (PA_…).',
    ],
    [
      'SA_12345678',
      'SA_… is the Auth ID of a sub-account. Sign in with your partner Auth ID (PA_…).',
    ],
  ])('%j → %j', (value, message) => expect(authIdFormatMessage(value)).toBe(message))

  it('is the field message of the sign-in schema, which main applies before any request', () => {
    const parsed = signInSchema.safeParse({ ...good, authId: 'hello' })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(fieldMessages(parsed.error)['authId']).toBe(shape)
  })

  it('leaves characters outside the rule to the character message', () => {
    expect(authIdFormatMessage('PA ABC')).toBeNull()
  })
})

describe('isAllowedApiUrl', () => {
  it.each([
    ['https://api.vobiz.ai', true],
    ['http://127.0.0.1:4010', true],
    ['http://localhost:4010', true],
    ['http://192.168.1.5', false],
    ['https://user:pw@api.vobiz.ai', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (url, allowed) => expect(isAllowedApiUrl(url)).toBe(allowed))
})
