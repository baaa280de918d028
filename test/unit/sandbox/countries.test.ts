import { describe, expect, it } from 'vitest'
import { COUNTRY_CODES, isCountryCode } from '../../../shared/countries'

describe('COUNTRY_CODES', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes, sorted, once each', () => {
    expect(COUNTRY_CODES).toHaveLength(249)
    expect(new Set(COUNTRY_CODES).size).toBe(249)
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES)
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/)
    expect(Object.isFrozen(COUNTRY_CODES)).toBe(true)
  })

  it('includes the usual and the unusual, and no reserved codes', () => {
    for (const code of [
      'IN',
      'US',
      'GB',
      'AE',
      'AX',
      'BQ',
      'CW',
      'SS',
      'SX',
      'PS',
      'TW',
      'AQ',
      'UM',
    ]) {
      expect(isCountryCode(code)).toBe(true)
    }
    for (const code of ['UK', 'EU', 'XK', 'AC', 'TA', 'ZZ', 'AN', 'YU', 'in', 'IND', '']) {
      expect(isCountryCode(code)).toBe(false)
    }
  })

  it('has an English display name for every code', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
    for (const code of COUNTRY_CODES) expect(names.of(code), code).toBeTruthy()
    expect(names.of('IN')).toBe('India')
  })
})
