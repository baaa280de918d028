import { describe, expect, it } from 'vitest'
import { moneyToDecimalString } from '../../../shared/money'
import { checkAmount } from '../../../shared/transfer-amount'

describe('transfer amount input', () => {
  it.each([
    ['500', '500.00000'],
    ['250.5', '250.50000'],
    ['0.1', '0.10000'],
    ['0.00001', '0.00001'],
    ['  42.12345 ', '42.12345'],
    // The sum a float gets wrong (0.1 + 0.2) is just digits here.
    ['0.30000', '0.30000'],
    ['999999999.99999', '999999999.99999'],
    ['1000000000', '1000000000.00000'],
  ])('%j is exactly %s', (text, exact) => {
    const checked = checkAmount(text)
    expect(checked.ok).toBe(true)
    if (checked.ok) expect(moneyToDecimalString(checked.money)).toBe(exact)
  })

  it.each([
    ['', /Enter an amount/],
    ['   ', /Enter an amount/],
    ['abc', /digits only/],
    ['12,50', /digits only/],
    ['1e3', /digits only/],
    ['-5', /digits only/],
    ['+5', /digits only/],
    ['1.123456', /digits only/],
    ['.5', /digits only/],
    ['5.', /digits only/],
    ['0', /more than zero/],
    ['0.00000', /more than zero/],
    ['1000000000.00001', /At most/],
    ['99999999999', /digits only/],
  ])('%j is refused (%s)', (text, message) => {
    const checked = checkAmount(text)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })
})
