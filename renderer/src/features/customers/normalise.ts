/**
 * Case- and accent-insensitive text for search: NFD, lower case, combining marks dropped, and the
 * few Latin letters that have no decomposition folded by hand (ø → o, ł → l, ß → ss…), so
 * "soren" finds "Søren" and "lukasz" finds "Łukasz".
 */
const FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  // Whole-string lower-casing gives a final sigma at word ends; per-character (highlighting) not.
  ς: 'σ',
}
const FOLDABLE = /[øłđðþæœßıħŧς]/g
const MARKS = /\p{M}+/gu
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/

export function normalise(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase()
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter)
}

/** The normalised, whitespace-separated terms of a query; every one must match. */
export function searchTerms(query: string): string[] {
  return (
    normalise(query)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  )
}

export type Range = readonly [start: number, end: number]

/**
 * Where the terms occur in `text`, as ranges of the original string (merged, in order). Matching
 * happens on the normalised text; each normalised character maps back to the original character
 * it came from, so "jose" marks all of "José" and combining marks stay with their letter.
 */
export function highlightRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0 || text.length === 0) return []
  let folded: string
  let starts: number[] | null = null
  let ends: number[] | null = null
  if (ASCII.test(text)) {
    folded = text.toLowerCase()
  } else {
    folded = ''
    starts = []
    ends = []
    for (let i = 0; i < text.length;) {
      const codePoint = text.codePointAt(i) ?? 0
      const width = codePoint > 0xffff ? 2 : 1
      const part = normalise(text.slice(i, i + width))
      for (let k = 0; k < part.length; k++) {
        starts.push(i)
        ends.push(i + width)
      }
      folded += part
      i += width
    }
  }
  const found: [number, number][] = []
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const last = at + term.length - 1
      let start = starts ? (starts[at] ?? 0) : at
      let end = ends ? (ends[last] ?? text.length) : last + 1
      // Trailing combining marks (text given already decomposed) belong to the matched letter.
      while (ends && end < text.length && normalise(text.charAt(end)) === '') end++
      if (start > end) start = end
      found.push([start, end])
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const range of found) {
    const previous = merged[merged.length - 1]
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1])
    else merged.push(range)
  }
  return merged
}
