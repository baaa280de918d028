import type { CustomerRow } from '../../../../shared/customers'
import { normalise } from './normalise'

/** Search keys built per idle slice. */
const CHUNK = 4000
/** Between keys; never in a term (terms are split on whitespace, control characters dropped). */
const SEPARATOR = '\u0001'

/**
 * The characters a one-letter search is answered for from per-row bits (letters, digits and the
 * punctuation of emails, phones and auth ids); any other is searched for in the keys.
 */
const BIT_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789@._+-'
const CHAR_BITS = new Int8Array(128).fill(-1)
for (let b = 0; b < BIT_CHARS.length; b++) CHAR_BITS[BIT_CHARS.charCodeAt(b)] = b
/** The bit of a one-letter term in the rows' charMasks, or -1 when it has none. */
export const charBit = (letter: string): number => CHAR_BITS[letter.charCodeAt(0)] ?? -1

export type SearchKeys = ReturnType<typeof createSearchKeys>

/**
 * The normalised search key of each row (built a chunk at a time in idle time, or at once when
 * a search needs it), then all keys joined into one haystack that a term is found in with one
 * indexOf pass; and per row, which of the BIT_CHARS its key holds.
 */
export function createSearchKeys(rows: readonly CustomerRow[]) {
  const size = rows.length
  /** Search keys being built (in idle slices); emptied once they are joined into the haystack. */
  const keys: string[] = []
  let keysBuilt = 0
  /** Per row, 64 bits: which of the BIT_CHARS its key holds (for one-letter searches). */
  const charMasks = new Uint32Array(2 * size)
  /** All keys in row order, joined by SEPARATOR; row r's key starts at starts[r]. */
  let haystack: string | null = null
  let starts: Int32Array | null = null

  function buildKeys(until: number): void {
    const end = Math.min(until, size)
    for (let i = keysBuilt; i < end; i++, keysBuilt++) {
      const row = rows[i]
      if (!row) break
      const key = [
        normalise(row.name),
        row.company === null ? '' : normalise(row.company),
        row.email === null ? '' : normalise(row.email),
        row.phone === null ? '' : row.phone.toLowerCase(),
        row.authId.toLowerCase(),
      ].join('\n')
      keys.push(key)
      for (let p = 0; p < key.length; p++) {
        const bit = CHAR_BITS[key.charCodeAt(p)] ?? -1
        if (bit >= 0)
          charMasks[2 * i + (bit >> 5)] = (charMasks[2 * i + (bit >> 5)] ?? 0) | (1 << (bit & 31))
      }
    }
    if (keysBuilt === size && haystack === null) {
      starts = new Int32Array(size + 1)
      let at = 0
      keys.forEach((key, i) => {
        if (starts) starts[i] = at
        at += key.length + 1
      })
      starts[size] = at
      // One join (flat), not join + separator (a cons string, slow to read at an index).
      keys.push('')
      haystack = keys.join(SEPARATOR)
      // One copy of the keys is enough: a row's key is now a slice of the haystack.
      keys.length = 0
    }
  }

  /** Row i's search key (a slice of the haystack: no copy). */
  function keyOf(i: number): string {
    if (haystack === null || starts === null) return keys[i] ?? ''
    return haystack.slice(starts[i] ?? 0, (starts[i + 1] ?? 1) - 1)
  }

  /**
   * Marks the rows whose key holds every term: one indexOf pass over the joined keys per term
   * (no per-row call), skipping to the next row after a hit. marks[r] === terms.length ⇔ match;
   * firstHits[r] is where the last term first occurs in row r (in the haystack).
   */
  function scan(terms: readonly string[]): { marks: Uint8Array; firstHits: Int32Array } {
    buildKeys(size)
    const marks = new Uint8Array(size)
    const firstHits = new Int32Array(size)
    const text = haystack ?? ''
    const offsets = starts ?? new Int32Array(size + 1)
    const last = terms.length - 1
    terms.forEach((term, t) => {
      let row = 0
      for (let hit = text.indexOf(term); hit !== -1;) {
        while ((offsets[row + 1] ?? Infinity) <= hit) row++
        if (marks[row] === t) {
          marks[row] = t + 1
          if (t === last) firstHits[row] = hit
        }
        const next = offsets[row + 1] ?? text.length
        hit = text.indexOf(term, next)
      }
    })
    return { marks, firstHits }
  }

  /** Where `term` first occurs in row i's key at or after haystack position `from`, or -1. */
  function findInRow(i: number, term: string, from: number): number {
    const start = starts?.[i] ?? 0
    const at = keyOf(i).indexOf(term, Math.max(0, from - start))
    return at === -1 ? -1 : start + at
  }

  return {
    size,
    charMasks,
    keyOf,
    findInRow,
    scan,
    /** All keys in row order, joined; '' until every key is built. */
    haystack: (): string => haystack ?? '',
    buildAll: (): void => buildKeys(size),
    /** Builds search keys a chunk at a time; returns true when all are built. */
    buildChunk(): boolean {
      buildKeys(keysBuilt + CHUNK)
      return keysBuilt >= size
    },
  }
}
