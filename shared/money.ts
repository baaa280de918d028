/**
 * Exact money: Vobiz balances arrive as 5-decimal strings ("23906.83000"), sometimes as numbers,
 * sometimes null. They are held as scaled integers (bigint, 5 decimals) and never touch floats.
 */
export const MONEY_SCALE = 5
const FACTOR = 10n ** BigInt(MONEY_SCALE)
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i

export type Money = { readonly units: bigint }

/** Parses a decimal string or number; returns null for null, empty or malformed input. */
export function parseMoney(input: string | number | null | undefined): Money | null {
  if (input === null || input === undefined) return null
  if (typeof input === 'number' && !Number.isFinite(input)) return null
  const match = DECIMAL.exec(String(input).trim())
  if (!match) return null
  const [, sign, whole = '0', fraction = '', exponent] = match
  let digits = whole + fraction
  let point = whole.length + (exponent ? Number(exponent) : 0)
  if (point < 0) {
    digits = '0'.repeat(-point) + digits
    point = 0
  }
  digits = digits.padEnd(point + MONEY_SCALE + 1, '0')
  const kept = BigInt(digits.slice(0, point + MONEY_SCALE) || '0')
  // Round half away from zero on the first dropped digit.
  const roundUp = Number(digits[point + MONEY_SCALE]) >= 5 ? 1n : 0n
  const units = kept + roundUp
  return { units: sign === '-' ? -units : units }
}

/** The exact decimal string with all 5 places, e.g. "-12.50000". */
export function moneyToDecimalString(money: Money): string {
  const negative = money.units < 0n
  const abs = negative ? -money.units : money.units
  const whole = abs / FACTOR
  const fraction = (abs % FACTOR).toString().padStart(MONEY_SCALE, '0')
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

/** Any balance the API gives (string or number) as the exact 5-decimal string; null if none. */
export function exactDecimal(input: string | number | null | undefined): string | null {
  const money = parseMoney(input)
  return money ? moneyToDecimalString(money) : null
}

export const compareMoney = (a: Money, b: Money): -1 | 0 | 1 =>
  a.units < b.units ? -1 : a.units > b.units ? 1 : 0

export const subtractMoney = (a: Money, b: Money): Money => ({ units: a.units - b.units })

export type MoneyChange = { direction: 'up' | 'down' | 'same'; amount: Money }

/** How `current` differs from `previous`, exactly; null when either is unknown. */
export function changeBetween(
  current: string | number | null | undefined,
  previous: string | number | null | undefined,
): MoneyChange | null {
  const now = parseMoney(current)
  const before = parseMoney(previous)
  if (!now || !before) return null
  const difference = subtractMoney(now, before).units
  return {
    direction: difference > 0n ? 'up' : difference < 0n ? 'down' : 'same',
    amount: { units: difference < 0n ? -difference : difference },
  }
}
