/**
 * The one date format family: a day reads "Dec 2, 2026" (medium date style), a moment
 * "Dec 2, 2026, 3:04 PM", in the system's language. The date inputs show and accept the same day
 * text (see components/DateField.tsx), so a ledger filter reads like the dates it filters.
 */
let dayFormat: Intl.DateTimeFormat | null = null
let momentFormat: Intl.DateTimeFormat | null = null

const valid = (date: Date) => !Number.isNaN(date.getTime())

/** The day alone ("Dec 2, 2026") of an ISO time, in local time; "" when unreadable. */
export function calendarDate(iso: string): string {
  const date = new Date(iso)
  if (!valid(date)) return ''
  dayFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
  return dayFormat.format(date)
}

/** The day and time ("Dec 2, 2026, 3:04 PM") of an ISO time; "" when unreadable. */
export function absoluteTime(iso: string): string {
  const date = new Date(iso)
  if (!valid(date)) return ''
  momentFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return momentFormat.format(date)
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar day (`YYYY-MM-DD`) as the app writes days ("Dec 2, 2026"); "" when not a day. */
export function formatDay(day: string): string {
  const date = dayDate(day)
  if (!date) return ''
  dayFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
  return dayFormat.format(date)
}

/** A period of days as one text ("Nov 14 – 20, 2026"); "" unless both are days, in order. */
export function formatDayRange(from: string, to: string): string {
  const start = dayDate(from)
  const end = dayDate(to)
  if (!start || !end || end < start) return ''
  dayFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
  return dayFormat.formatRange(start, end)
}

/** The local Date at noon of a `YYYY-MM-DD` day (noon: no daylight-saving edge); null if none. */
function dayDate(day: string): Date | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(y, m - 1, d, 12)
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null
}

const MONTHS = new Map<string, number>()

function monthNames(): Map<string, number> {
  if (MONTHS.size === 0) {
    const long = new Intl.DateTimeFormat(undefined, { month: 'long' })
    const short = new Intl.DateTimeFormat(undefined, { month: 'short' })
    const english = new Intl.DateTimeFormat('en', { month: 'long' })
    for (let month = 0; month < 12; month++) {
      const date = new Date(2000, month, 1, 12)
      for (const format of [long, short, english]) {
        const name = format.format(date).toLowerCase().replace(/\.$/, '')
        MONTHS.set(name, month + 1)
        MONTHS.set(name.slice(0, 3), month + 1)
      }
    }
  }
  return MONTHS
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * A day typed as the app writes it ("Dec 2, 2026", "2 Dec 2026", "December 2 2026") or as ISO
 * ("2026-12-02"), as `YYYY-MM-DD`; "" for an empty text, null when it is not a real day.
 */
export function parseDay(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  if (DAY.test(trimmed)) return dayDate(trimmed) ? trimmed : null
  const words = trimmed.toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean)
  if (words.length !== 3) return null
  const names = monthNames()
  const monthAt = words.findIndex((word) => names.has(word))
  if (monthAt === -1 || monthAt === 2) return null
  const month = names.get(words[monthAt] ?? '') ?? 0
  const [day, year] = monthAt === 0 ? [words[1], words[2]] : [words[0], words[2]]
  if (!/^\d{1,2}$/.test(day ?? '') || !/^\d{4}$/.test(year ?? '')) return null
  const iso = `${year}-${pad(month)}-${pad(Number(day))}`
  return dayDate(iso) ? iso : null
}
