import { parseMoney, type Money } from './money'

/** Largest amount sent: JSON numbers above this lose exactness as doubles. */
const MAX_AMOUNT_UNITS = 1_000_000_000_00000n
const AMOUNT = /^\d{1,10}(\.\d{1,5})?$/

export type AmountCheck = { ok: true; money: Money } | { ok: false; message: string }

/**
 * A transfer amount as typed, exactly: digits with at most 5 decimals (the balance scale),
 * positive, not absurd. The form and main both use it; no float is ever involved.
 */
export function checkAmount(text: string): AmountCheck {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'Enter an amount, such as 500 or 250.50.' }
  const money = AMOUNT.test(trimmed) ? parseMoney(trimmed) : null
  if (!money) {
    return { ok: false, message: 'Enter digits only, such as 500 or 250.50 (up to 5 decimals).' }
  }
  if (money.units <= 0n) return { ok: false, message: 'The amount must be more than zero.' }
  if (money.units > MAX_AMOUNT_UNITS) return { ok: false, message: 'At most 1,000,000,000.' }
  return { ok: true, money }
}
