import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

const shown = new Map<string, string>()
/** Formatted numbers kept (a table formats the same visible rows again and again). */
const KEPT = 20_000

/**
 * A phone number as people read it: the international format ("+91 69579 57520") for a valid
 * E.164 number; anything else (invalid, unknown country, not E.164) exactly as it was typed.
 * The raw value stays what is copied and searched. Only separators are ever added, so each
 * character of the raw number keeps its order in the shown text (see rawToShownOffsets).
 */
export function formatPhone(raw: string): string {
  let text = shown.get(raw)
  if (text === undefined) {
    const number = raw.startsWith('+') ? parsePhoneNumberFromString(raw) : undefined
    const international = number?.isValid() ? number.formatInternational() : null
    text = international && stripSeparators(international) === raw ? international : raw
    if (shown.size >= KEPT) shown.clear()
    shown.set(raw, text)
  }
  return text
}

const SEPARATORS = /[\s\-().]/g
const stripSeparators = (text: string): string => text.replace(SEPARATORS, '')

/**
 * Where each character of `raw` sits in `shown` (its formatted form, which only adds
 * separators), with one more entry for the end: maps a search hit in the raw number onto the text
 * on screen.
 */
export function rawToShownOffsets(raw: string, shown: string): number[] {
  const offsets: number[] = []
  let at = 0
  for (const char of raw) {
    while (at < shown.length && shown[at] !== char) at++
    offsets.push(at)
    at++
  }
  offsets.push(Math.min(at, shown.length))
  return offsets
}
