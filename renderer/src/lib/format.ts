// The one money rule and the one date family live in shared/ (main formats with them too).
export { absoluteTime, calendarDate } from '../../../shared/date-format'
export { formatMoney as formatBalance } from '../../../shared/money-format'

// Intl formatters are costly to build and immutable: one of each, made on first use.
let countFormat: Intl.NumberFormat | null = null
let relativeFormat: Intl.RelativeTimeFormat | null = null

export function formatCount(value: number): string {
  countFormat ??= new Intl.NumberFormat()
  return countFormat.format(value)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "just now", "3 minutes ago", "yesterday"… from an ISO time; "" when unreadable. */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return ''
  const seconds = Math.round((then - now) / 1000)
  if (Math.abs(seconds) < 45) return 'just now'
  const format = (relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' }))
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return format.format(Math.round(seconds / size), unit)
    }
  }
  return ''
}

/**
 * How long ago main read something. A reading cannot come from the future: a time ahead of this
 * page's clock (a skewed clock, a page clock frozen in a test) is "just now", never "in 2 weeks".
 */
export function readingAge(iso: string, now: number): string {
  const then = Date.parse(iso)
  return relativeTime(iso, Number.isNaN(then) ? now : Math.max(now, then))
}

/** A status code as a label: "pending_port" → "Pending port". */
export const codeLabel = (code: string): string =>
  code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ')

/** The host (with port) of an address, or the address itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
