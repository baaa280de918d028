import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, settingsSchema } from '../../../shared/customers'
import { isBelowThreshold, lowBalanceRule } from '../../../shared/low-balance'

describe('low-balance thresholds per currency', () => {
  it("uses the single older setting for the wallet's currency only", () => {
    const rule = lowBalanceRule({ lowBalanceThreshold: '100' }, 'INR')
    expect(isBelowThreshold('99.99999', 'INR', rule)).toBe(true)
    expect(isBelowThreshold('100.00000', 'INR', rule)).toBe(false)
    // 50 dollars are not "under 100.00" rupees: no dollar threshold is set.
    expect(isBelowThreshold('50', 'USD', rule)).toBe(false)
    expect(isBelowThreshold('-5', null, rule)).toBe(false)
  })

  it("compares each balance with its own currency's threshold", () => {
    const rule = lowBalanceRule(
      { lowBalanceThreshold: '100', lowBalanceThresholds: { USD: '5', INR: '500' } },
      'INR',
    )
    expect(isBelowThreshold('499.99', 'INR', rule)).toBe(true)
    expect(isBelowThreshold('6', 'USD', rule)).toBe(false)
    expect(isBelowThreshold('4.99999', 'usd', rule)).toBe(true)
    expect(isBelowThreshold('-1', 'EUR', rule)).toBe(false)
    expect(isBelowThreshold(null, 'INR', rule)).toBe(false)
    expect(isBelowThreshold('1', 'INR', null)).toBe(false)
    // The currencies it knows, by code (what the Low balance filter's label lists).
    expect(rule.currencies).toEqual(['INR', 'USD'])
    expect(lowBalanceRule({ lowBalanceThreshold: '100' }, null).currencies).toEqual([])
  })

  it('keys a rule by its thresholds, so a changed threshold is a new view', () => {
    const a = lowBalanceRule(
      { lowBalanceThreshold: '100', lowBalanceThresholds: { USD: '5' } },
      'INR',
    )
    const b = lowBalanceRule(
      { lowBalanceThreshold: '100', lowBalanceThresholds: { USD: '6' } },
      'INR',
    )
    const c = lowBalanceRule(
      { lowBalanceThreshold: '100', lowBalanceThresholds: { USD: '5' } },
      'INR',
    )
    expect(a.key).not.toBe(b.key)
    expect(a.key).toBe(c.key)
  })
})

describe('settingsSchema', () => {
  it('validates the map: currency codes to plain amounts', () => {
    const parse = (lowBalanceThresholds: unknown) =>
      settingsSchema.safeParse({ ...DEFAULT_SETTINGS, lowBalanceThresholds }).success
    expect(parse({ USD: '5', INR: '250.50' })).toBe(true)
    expect(parse({ usd: '5' })).toBe(false)
    expect(parse({ USD: '-5' })).toBe(false)
    expect(parse({ USD: 5 })).toBe(false)
    expect(DEFAULT_SETTINGS.lowBalanceThresholds).toEqual({})
    const bad = settingsSchema.safeParse({
      ...DEFAULT_SETTINGS,
      lowBalanceThresholds: { usd: '5' },
    })
    expect(bad.error?.issues).toEqual([
      expect.objectContaining({
        path: ['lowBalanceThresholds', 'usd'],
        message: 'Use a three-letter currency code such as INR or USD.',
      }),
    ])
  })
})
