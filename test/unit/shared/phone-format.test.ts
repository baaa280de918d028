import { describe, expect, it } from 'vitest'
import { formatPhone, rawToShownOffsets } from '../../../shared/phone-format'

describe('formatPhone', () => {
  it('shows a valid E.164 number in the international format', () => {
    expect(formatPhone('+916957957520')).toBe('+91 69579 57520')
    expect(formatPhone('+14155552671')).toBe('+1 415 555 2671')
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958')
  })

  it('shows invalid, unknown and non-E.164 numbers exactly as typed', () => {
    for (const raw of [
      '+9198',
      '+999123456789',
      '09876543210',
      'call reception',
      '+91 98 9898 98',
    ]) {
      expect(formatPhone(raw)).toBe(raw)
    }
  })
})

describe('rawToShownOffsets', () => {
  it("maps each raw character onto the shown text's position", () => {
    const raw = '+916957957520'
    const shown = formatPhone(raw)
    const offsets = rawToShownOffsets(raw, shown)
    expect(offsets).toHaveLength(raw.length + 1)
    for (let i = 0; i < raw.length; i++) expect(shown[offsets[i]!]).toBe(raw[i])
    // "6957957" found in the raw number is "69579 57" on screen.
    const start = raw.indexOf('6957957')
    expect(shown.slice(offsets[start], offsets[start + 6]! + 1)).toBe('69579 57')
    expect(offsets[raw.length]).toBe(shown.length)
  })
})
