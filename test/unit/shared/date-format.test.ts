import { describe, expect, it } from 'vitest'
import { calendarDate, formatDay, formatDayRange, parseDay } from '../../../shared/date-format'

// The unit tests run with LANG=en-US semantics (Intl's default locale in the test runner).
const locale = new Intl.DateTimeFormat().resolvedOptions().locale

describe.runIf(locale.startsWith('en-US'))('one date family (en-US)', () => {
  it('writes a day the same way for an ISO time and for a date input', () => {
    expect(formatDay('2026-12-02')).toBe('Dec 2, 2026')
    expect(calendarDate('2026-12-02T12:00:00')).toBe('Dec 2, 2026')
  })

  it('writes a period once, its shared month and year not repeated', () => {
    const spaced = (text: string) => text.replace(/\s/g, ' ')
    expect(spaced(formatDayRange('2026-11-14', '2026-11-20'))).toBe('Nov 14 – 20, 2026')
    expect(spaced(formatDayRange('2026-10-01', '2026-10-31'))).toBe('Oct 1 – 31, 2026')
    expect(spaced(formatDayRange('2025-12-30', '2026-01-02'))).toBe('Dec 30, 2025 – Jan 2, 2026')
    expect(formatDayRange('2026-12-02', '2026-12-02')).toBe('Dec 2, 2026')
    expect(formatDayRange('2026-12-02', '2026-12-01')).toBe('')
    expect(formatDayRange('2026-02-30', '2026-03-01')).toBe('')
  })

  it('reads back the days it writes, and ISO days', () => {
    for (const day of ['2026-12-02', '2024-02-29', '2026-01-31']) {
      expect(parseDay(formatDay(day))).toBe(day)
    }
    expect(parseDay('2026-12-02')).toBe('2026-12-02')
    expect(parseDay('2 December 2026')).toBe('2026-12-02')
    expect(parseDay(' dec 2 2026 ')).toBe('2026-12-02')
  })
})

describe('parseDay', () => {
  it('is "" for an empty text and null for what is not a real day', () => {
    expect(parseDay('  ')).toBe('')
    for (const text of [
      '2026-02-30',
      'Feb 30, 2026',
      '12/02/2026',
      'Dec 2026',
      'soon',
      '2026-13-01',
    ]) {
      expect(parseDay(text)).toBeNull()
    }
  })

  it('formats nothing for what is not a day', () => {
    expect(formatDay('2026-02-30')).toBe('')
    expect(formatDay('')).toBe('')
  })
})
