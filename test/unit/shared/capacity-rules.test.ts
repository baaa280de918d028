import { describe, expect, it } from 'vitest'
import { capacityHistorySchema, checkSlots } from '../../../shared/vobiz-capacity'

const figures = { customerLimit: 8, allocated: 5, partnerRemaining: 20 }
const message = (move: 'transfer' | 'reclaim', text: string, f = figures) => {
  const checked = checkSlots(move, text, f)
  return checked.ok ? checked.slots : checked.message
}

describe('capacity rules', () => {
  it('takes a whole number of slots from 1 to 10000', () => {
    expect(message('transfer', ' 3 ')).toBe(3)
    expect(message('transfer', '')).toBe('Enter a whole number of slots.')
    expect(message('transfer', '2.5')).toBe('Enter a whole number of slots.')
    expect(message('transfer', '-1')).toBe('Enter a whole number of slots.')
    expect(message('transfer', '0')).toBe('At least 1.')
    const big = { ...figures, partnerRemaining: 50_000 }
    expect(message('transfer', '10000', big)).toBe(10_000)
    expect(message('transfer', '10001', big)).toBe('At most 10,000.')
  })

  it('a transfer stays within the partner pool', () => {
    expect(message('transfer', '20')).toBe(20)
    expect(message('transfer', '21')).toBe("Only 20 left in the partner's pool.")
  })

  it('a reclaim never exceeds what this partner allocated nor the customer limit', () => {
    expect(message('reclaim', '5')).toBe(5)
    expect(message('reclaim', '6')).toBe('At most 5: this partner allocated 5.')
    // The customer's limit was lowered elsewhere below what this partner allocated.
    const lowered = { customerLimit: 3, allocated: 5, partnerRemaining: 20 }
    expect(message('reclaim', '3', lowered)).toBe(3)
    expect(message('reclaim', '4', lowered)).toBe("At most 3: the customer's limit is 3.")
    // A reclaim does not look at the pool.
    expect(message('reclaim', '5', { ...figures, partnerRemaining: 0 })).toBe(5)
  })

  it('reads the history as a bare array or an object holding one', () => {
    const entry = { transfer_reference: 'CT-1', slots: 2, description: 'x [PD-1]' }
    expect(capacityHistorySchema.parse([entry])).toEqual([entry])
    expect(capacityHistorySchema.parse({ total: 1, transfers: [entry] })).toEqual([entry])
    expect(capacityHistorySchema.parse({ data: [entry], meta: {} })).toEqual([entry])
    expect(capacityHistorySchema.safeParse({ total: 0 }).success).toBe(false)
  })
})
