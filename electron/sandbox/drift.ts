import { moneyToDecimalString } from '../../shared/money'

/**
 * A balance that moves with time, in exact 5-decimal units (1 unit = 0.00001):
 * value(t) = max(floor, base + ratePerSecond × (t − since) / 1000), truncated toward zero.
 * A balance already below its floor (set by hand) stays where it is.
 */
export type DriftingBalance = {
  baseUnits: bigint
  /** Signed units per second; negative = spending. */
  ratePerSecond: bigint
  /** Clock time (ms) the base was observed at. */
  sinceMs: number
  floorUnits: bigint
}

export function balanceUnitsAt(balance: DriftingBalance, nowMs: number): bigint {
  const elapsedMs = BigInt(Math.max(0, Math.floor(nowMs - balance.sinceMs)))
  const value = balance.baseUnits + (balance.ratePerSecond * elapsedMs) / 1000n
  if (value >= balance.floorUnits) return value
  return balance.baseUnits < balance.floorUnits ? balance.baseUnits : balance.floorUnits
}

/** The balance as the API shows it: a 5-decimal string such as "1300.00000". */
export function balanceStringAt(balance: DriftingBalance, nowMs: number): string {
  return moneyToDecimalString({ units: balanceUnitsAt(balance, nowMs) })
}

/**
 * When the value last changed: `nowMs` while it is still moving, the moment it reached its floor
 * once it has, null when it never moved since `sinceMs`.
 */
export function lastChangeMs(balance: DriftingBalance, nowMs: number): number | null {
  const rate = balance.ratePerSecond
  if (rate === 0n || nowMs <= balance.sinceMs) return null
  if (rate > 0n || balanceUnitsAt(balance, nowMs) > balance.floorUnits) return nowMs
  if (balance.baseUnits <= balance.floorUnits) return null
  const msToFloor = ((balance.baseUnits - balance.floorUnits) * 1000n) / -rate
  return balance.sinceMs + Number(msToFloor)
}

/** The same balance re-based at `nowMs` with a new value and/or rate. */
export function rebase(
  balance: DriftingBalance,
  nowMs: number,
  change: { units?: bigint; ratePerSecond?: bigint },
): DriftingBalance {
  return {
    baseUnits: change.units ?? balanceUnitsAt(balance, nowMs),
    ratePerSecond: change.ratePerSecond ?? balance.ratePerSecond,
    sinceMs: nowMs,
    floorUnits: balance.floorUnits,
  }
}
