import { describe, expect, it } from 'vitest'
import {
  MINUS,
  currencyDigits,
  formatMoney,
  roundMoney,
  tableMoney,
} from '../../../shared/money-format'
import { moneyToDecimalString, parseMoney } from '../../../shared/money'

const round = (value: string, digits: number) =>
  moneyToDecimalString(roundMoney(parseMoney(value)!, digits))

describe('currencyDigits', () => {
  it("is the currency's usual number of decimals, 2 when unknown", () => {
    expect(currencyDigits('INR')).toBe(2)
    expect(currencyDigits('usd')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('BHD')).toBe(3)
    expect(currencyDigits(null)).toBe(2)
    expect(currencyDigits('NOT-A-CODE')).toBe(2)
  })
})

describe('roundMoney (half-up: half away from zero, on the exact integer)', () => {
  it.each([
    ['17242.30065', 2, '17242.30000'],
    ['7305.449', 2, '7305.45000'],
    ['7305.445', 2, '7305.45000'],
    ['7305.44499', 2, '7305.44000'],
    ['0.005', 2, '0.01000'],
    ['-0.005', 2, '-0.01000'],
    ['-0.00499', 2, '0.00000'],
    ['2.5', 0, '3.00000'],
    ['-2.5', 0, '-3.00000'],
    ['99999999999999999999.995', 2, '100000000000000000000.00000'],
  ])('%s to %i decimals → %s', (value, digits, expected) => {
    expect(round(value, digits)).toBe(expected)
  })
})

describe('formatMoney', () => {
  it("shows the currency's decimals in tables, every kept decimal when exact", () => {
    expect(formatMoney('17242.30065', 'INR', 'table')).toBe('₹17,242.30')
    expect(formatMoney('17242.30065', 'INR')).toBe('₹17,242.30065')
    expect(formatMoney('7305.449', 'INR', 'table')).toBe('₹7,305.45')
    expect(formatMoney('7305.449', 'INR')).toBe('₹7,305.449')
    expect(formatMoney('0', 'INR', 'table')).toBe('₹0.00')
    expect(formatMoney('0.00000', 'INR')).toBe('₹0.00')
    expect(formatMoney('23906.83000', 'INR')).toBe('₹23,906.83')
  })

  it('groups rupees in lakhs and crores, other currencies by the system', () => {
    expect(formatMoney('12345678.9', 'INR', 'table')).toBe('₹1,23,45,678.90')
    expect(formatMoney('12345678.9', 'USD', 'table')).toBe('$12,345,678.90')
  })

  it('writes negatives with a true minus sign, never a hyphen', () => {
    expect(formatMoney('-12.5', 'USD')).toBe(`${MINUS}$12.50`)
    expect(formatMoney('-17242.30065', 'INR', 'table')).toBe(`${MINUS}₹17,242.30`)
    expect(formatMoney(-3, 'JPY')).toBe(`${MINUS}¥3`)
    expect(formatMoney('-0.001', 'INR', 'table')).toBe('₹0.00')
    for (const text of [formatMoney('-1', 'INR'), formatMoney('-1', null, 'table')]) {
      expect(text).not.toContain('-')
    }
  })

  it('shows yen without decimals in tables and keeps sub-yen digits when exact', () => {
    expect(formatMoney('1234.5', 'JPY', 'table')).toBe('¥1,235')
    expect(formatMoney('1234.5', 'JPY')).toBe('¥1,234.5')
    expect(formatMoney('1234', 'JPY')).toBe('¥1,234')
  })

  it('never goes through a float, even for huge values', () => {
    expect(formatMoney('9007199254740993.12345', 'USD')).toBe('$9,007,199,254,740,993.12345')
    expect(formatMoney('9007199254740993.12345', 'USD', 'table')).toBe('$9,007,199,254,740,993.12')
    expect(formatMoney('0.1', 'USD')).toBe('$0.10')
  })

  it('falls back to the code, or to the number alone, when the currency is unknown', () => {
    expect(formatMoney('5', 'NOT-A-CODE')).toBe('5.00 NOT-A-CODE')
    expect(formatMoney('5.123', null, 'table')).toBe('5.12')
    expect(formatMoney(null, 'INR')).toBe('—')
    expect(formatMoney('abc', 'INR')).toBe('—')
  })
})

describe('tableMoney', () => {
  it("gives the cell's rounded text and the exact figure for its tooltip", () => {
    expect(tableMoney('17242.30065', 'INR')).toEqual({
      text: '₹17,242.30',
      title: '₹17,242.30065',
    })
    expect(tableMoney('-7305.449', 'USD')).toEqual({
      text: `${MINUS}$7,305.45`,
      title: `${MINUS}$7,305.449`,
    })
  })

  it('lines the decimals up in a column of mixed precision', () => {
    const column = ['17242.30065', '7305.449', '0', '-12.5'].map(
      (value) => tableMoney(value, 'INR').text,
    )
    expect(column.map((text) => text.length - text.indexOf('.'))).toEqual([3, 3, 3, 3])
  })
})
