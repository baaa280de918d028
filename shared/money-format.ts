import { MONEY_SCALE, parseMoney, type Money } from './money'

/**
 * The one money rule for display, in main and in the renderer:
 * - `table`: the currency's usual decimals (Intl's currency digits: 2 for INR and USD, 0 for
 *   JPY, 3 for BHD), so a column's decimals line up; the exact figure goes in its tooltip.
 * - `exact`: every significant decimal Vobiz keeps (at least the currency's, at most 5), for
 *   the drawer, tooltips and money being moved.
 * Rounding for `table` is half-up (half away from zero: 0.005 → 0.01, −0.005 → −0.01), the way
 * a calculator and Vobiz's own 5-decimal parsing (parseMoney) round; done on the exact integer,
 * never on a float. Negative figures carry a true minus sign (U+2212), never a hyphen.
 */
export type MoneyPrecision = 'table' | 'exact'

export const MINUS = '\u2212'
const NONE = '—'

/** Rupee amounts are read in lakh/crore groups (1,23,456.78); other currencies follow the system. */
export function moneyLocale(currency: string | null): string | undefined {
  return currency?.toUpperCase() === 'INR' ? 'en-IN' : undefined
}

/** Per currency code: its usual decimals, or null when Intl does not know the code. */
const digitsByCurrency = new Map<string, number | null>()

function knownDigits(code: string): number | null {
  let digits = digitsByCurrency.get(code)
  if (digits === undefined) {
    try {
      const options = new Intl.NumberFormat('en', { style: 'currency', currency: code })
      digits = Math.min(options.resolvedOptions().maximumFractionDigits ?? 2, MONEY_SCALE)
    } catch {
      digits = null
    }
    digitsByCurrency.set(code, digits)
  }
  return digits
}

/** The currency's usual number of decimals (ISO 4217, as Intl knows it); 2 when unknown. */
export function currencyDigits(currency: string | null): number {
  const code = currency?.trim().toUpperCase() ?? ''
  return code ? (knownDigits(code) ?? 2) : 2
}

/** `money` rounded half away from zero to `digits` decimals (still in 5-decimal units). */
export function roundMoney(money: Money, digits: number): Money {
  const step = 10n ** BigInt(MONEY_SCALE - Math.max(0, Math.min(digits, MONEY_SCALE)))
  const negative = money.units < 0n
  const abs = negative ? -money.units : money.units
  const kept = (abs / step + (2n * (abs % step) >= step ? 1n : 0n)) * step
  return { units: negative ? -kept : kept }
}

const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(currency: string, minimum: number, maximum: number): Intl.NumberFormat {
  const key = `${currency}|${minimum}|${maximum}`
  let format = formats.get(key)
  if (!format) {
    const digits = { minimumFractionDigits: minimum, maximumFractionDigits: maximum }
    try {
      format = currency
        ? new Intl.NumberFormat(moneyLocale(currency), { style: 'currency', currency, ...digits })
        : new Intl.NumberFormat(undefined, digits)
    } catch {
      format = new Intl.NumberFormat(undefined, digits)
    }
    formats.set(key, format)
  }
  return format
}

/**
 * A balance or amount (exact decimal string, number or parsed) with its currency, in the given
 * precision; "—" when there is none. Intl formats the exact decimal string: no float involved.
 */
export function formatMoney(
  value: Money | string | number | null | undefined,
  currency: string | null,
  precision: MoneyPrecision = 'exact',
): string {
  const parsed = typeof value === 'object' && value !== null ? value : parseMoney(value)
  if (!parsed) return NONE
  const code = currency?.trim().toUpperCase() ?? ''
  const digits = currencyDigits(code)
  const money = precision === 'table' ? roundMoney(parsed, digits) : parsed
  const negative = money.units < 0n
  const abs = negative ? -money.units : money.units
  const known = code !== '' && knownDigits(code) !== null
  const format = numberFormat(
    known ? code : '',
    digits,
    precision === 'table' ? digits : MONEY_SCALE,
  )
  const text = format.format(decimalOf(abs) as unknown as number)
  const withCode = code && !known ? `${text} ${code}` : text
  // A figure that rounds to zero has no sign.
  return negative ? MINUS + withCode : withCode
}

/** The table's text and the exact figure for its tooltip (the title attribute). */
export function tableMoney(
  value: string | number | null | undefined,
  currency: string | null,
): { text: string; title: string } {
  return { text: formatMoney(value, currency, 'table'), title: formatMoney(value, currency) }
}

function decimalOf(units: bigint): string {
  const text = units.toString().padStart(MONEY_SCALE + 1, '0')
  return `${text.slice(0, -MONEY_SCALE)}.${text.slice(-MONEY_SCALE)}`
}
