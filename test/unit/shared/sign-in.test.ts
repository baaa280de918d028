import { describe, expect, it } from 'vitest'
import { fieldMessages } from '../../../shared/field-messages'
import { isAllowedApiUrl, signInSchema } from '../../../shared/sign-in'

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
