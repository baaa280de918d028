import { describe, expect, it } from 'vitest'
import {
  changeBetween,
  compareMoney,
  exactDecimal,
  moneyToDecimalString,
  parseMoney,
} from '../../../shared/money'

describe('parseMoney', () => {
  it.each([
    ['23906.83000', '23906.83000'],
    ['0.00001', '0.00001'],
    ['-12.50000', '-12.50000'],
    [1300, '1300.00000'],
    [0.1, '0.10000'],
    ['99999999999999999999.12345', '99999999999999999999.12345'],
    [1e21, '1000000000000000000000.00000'],
    ['0.000015', '0.00002'],
    ['-0.000015', '-0.00002'],
    ['  42 ', '42.00000'],
  ])('%j → %s exactly', (input, expected) => {
    const money = parseMoney(input)
    expect(money).not.toBeNull()
    expect(moneyToDecimalString(money!)).toBe(expected)
  })

  it.each([null, undefined, '', 'abc', '1.2.3', Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %j',
    (input) => expect(parseMoney(input)).toBeNull(),
  )

  it('compares without floating point error', () => {
    // 0.1 + 0.2 !== 0.3 in floats; as scaled integers they are exact.
    const sum = { units: parseMoney('0.1')!.units + parseMoney('0.2')!.units }
    expect(compareMoney(sum, parseMoney('0.30000')!)).toBe(0)
    expect(compareMoney(parseMoney('200.00000')!, parseMoney(500)!)).toBe(-1)
  })
})

describe('changeBetween', () => {
  it.each([
    ['23906.83000', '23906.82999', 'up', '0.00001'],
    ['-12.50000', '0.00001', 'down', '12.50001'],
    [1300, '1300.00000', 'same', '0.00000'],
    ['99999999999999999999.12345', '0.1', 'up', '99999999999999999999.02345'],
    [0.3, '0.1', 'up', '0.20000'],
  ] as const)('%j since %j: %s by %s', (current, previous, direction, amount) => {
    const change = changeBetween(current, previous)
    expect(change?.direction).toBe(direction)
    expect(moneyToDecimalString(change!.amount)).toBe(amount)
  })

  it('is unknown when a reading has no balance', () => {
    expect(changeBetween(null, '1.00000')).toBeNull()
    expect(changeBetween('1.00000', undefined)).toBeNull()
  })
})

describe('exactDecimal', () => {
  it.each([
    ['23906.83', '23906.83000'],
    [1300, '1300.00000'],
    [null, null],
    ['abc', null],
  ])('%j → %j', (input, expected) => expect(exactDecimal(input)).toBe(expected))
})
