import { describe, expect, it } from 'vitest'
import { codeLabel, readingAge, relativeTime } from '../../../renderer/src/lib/format'

const NOW = Date.parse('2026-12-06T10:00:00Z')

describe('relative times of readings', () => {
  it('says how long ago a reading was made', () => {
    expect(readingAge('2026-12-06T09:59:30Z', NOW)).toBe('just now')
    expect(readingAge('2026-12-06T09:55:00Z', NOW)).toBe('5 minutes ago')
    expect(readingAge('2026-12-05T10:00:00Z', NOW)).toBe('yesterday')
  })

  it('never puts a reading in the future, however far ahead its stamp is', () => {
    expect(relativeTime('2026-12-20T10:00:00Z', NOW)).toBe('in 2 weeks')
    expect(readingAge('2026-12-20T10:00:00Z', NOW)).toBe('just now')
    expect(readingAge('2026-12-06T10:03:00Z', NOW)).toBe('just now')
  })

  it('gives nothing for an unreadable stamp', () => {
    expect(readingAge('not a time', NOW)).toBe('')
  })
})

describe('status codes as labels', () => {
  it('capitalises the first word and spaces the underscores', () => {
    expect(codeLabel('suspended')).toBe('Suspended')
    expect(codeLabel('pending_port')).toBe('Pending port')
    expect(codeLabel('')).toBe('')
  })
})
