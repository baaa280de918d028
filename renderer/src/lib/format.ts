import { formatMoney, moneyToDecimalString, parseMoney } from '../../../shared/money'

/** Rupee amounts are read in lakh/crore groups (1,23,456.78); other currencies follow the system. */
export function moneyLocale(currency: string): string | undefined {
  return currency.toUpperCase() === 'INR' ? 'en-IN' : undefined
}

const currencyFormats = new Map<string, Intl.NumberFormat | null>()

/** formatMoney's formatter for a currency, built once (null when Intl does not know the code). */
function currencyFormat(code: string): Intl.NumberFormat | null {
  let format = currencyFormats.get(code)
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(moneyLocale(code), {
        style: 'currency',
        currency: code,
        minimumFractionDigits: 2,
        maximumFractionDigits: 5,
      })
    } catch {
      format = null
    }
    currencyFormats.set(code, format)
  }
  return format
}

/** The exact balance with its currency, "—" when there is none. Never goes through a float. */
export function formatBalance(balance: string | null, currency: string | null): string {
  const money = parseMoney(balance)
  if (!money) return '—'
  const code = currency?.trim() || ''
  if (!code) return formatMoney(money, 'XXX').replace(/XXX|¤/g, '').trim()
  // As formatMoney does (Intl formats the exact decimal string), with a formatter kept per
  // currency: a table formats many balances.
  const format = currencyFormat(code)
  if (!format) return formatMoney(money, code, moneyLocale(code))
  return format.format(moneyToDecimalString(money) as unknown as number)
}

// Intl formatters are costly to build and immutable: one of each, made on first use.
let countFormat: Intl.NumberFormat | null = null
let relativeFormat: Intl.RelativeTimeFormat | null = null
let absoluteFormat: Intl.DateTimeFormat | null = null

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

export function absoluteTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  absoluteFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return absoluteFormat.format(date)
}

let dateFormat: Intl.DateTimeFormat | null = null

/** The day alone ("Feb 17, 2026"), with the full time for a tooltip from absoluteTime. */
export function calendarDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
  return dateFormat.format(date)
}

/** The host (with port) of an address, or the address itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
