import { describe, expect, it } from 'vitest'
import {
  balanceStringAt,
  balanceUnitsAt,
  lastChangeMs,
  rebase,
  type DriftingBalance,
} from '../../../electron/sandbox/drift'

const T0 = 1_000_000
const spending: DriftingBalance = {
  baseUnits: 10_000_000n,
  ratePerSecond: -1000n,
  sinceMs: T0,
  floorUnits: 0n,
}

describe('drifting balances', () => {
  it('move by rate × elapsed time, exactly, as 5-decimal strings', () => {
    expect(balanceStringAt(spending, T0)).toBe('100.00000')
    expect(balanceStringAt(spending, T0 + 1000)).toBe('99.99000')
    expect(balanceStringAt(spending, T0 + 1500)).toBe('99.98500')
    expect(balanceStringAt(spending, T0 + 1)).toBe('99.99999')
    expect(balanceStringAt({ ...spending, ratePerSecond: 7n }, T0 + 3_600_000)).toBe('100.25200')
  })

  it('stop at the floor and never go negative', () => {
    expect(balanceUnitsAt(spending, T0 + 10_000_000)).toBe(0n)
    expect(balanceStringAt(spending, T0 + 10_000_000_000)).toBe('0.00000')
    expect(balanceUnitsAt({ ...spending, floorUnits: 500_000n }, T0 + 10_000_000)).toBe(500_000n)
  })

  it('keep a balance already below the floor where it is', () => {
    expect(balanceUnitsAt({ ...spending, baseUnits: -5n }, T0 + 10_000)).toBe(-5n)
  })

  it('ignore a clock that runs backwards', () => {
    expect(balanceStringAt(spending, T0 - 60_000)).toBe('100.00000')
  })

  it('know when they last changed', () => {
    expect(lastChangeMs(spending, T0 + 5000)).toBe(T0 + 5000)
    expect(lastChangeMs(spending, T0 + 100_000_000)).toBe(T0 + 10_000_000)
    expect(lastChangeMs({ ...spending, ratePerSecond: 0n }, T0 + 5000)).toBeNull()
    expect(lastChangeMs(spending, T0)).toBeNull()
  })

  it('rebase to a new value or rate without a jump', () => {
    const moved = rebase(spending, T0 + 2000, { ratePerSecond: 0n })
    expect(balanceStringAt(moved, T0 + 999_999)).toBe('99.98000')
    const set = rebase(spending, T0 + 2000, { units: 123_450_000n })
    expect(balanceStringAt(set, T0 + 2000)).toBe('1234.50000')
    expect(balanceStringAt(set, T0 + 3000)).toBe('1234.49000')
  })
})
