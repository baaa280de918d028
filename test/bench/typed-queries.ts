/** What the benchmarks type: words that match many, few and no rows, accents, digits, ids. */
export const TYPED_QUERIES = [
  'priya',
  'sharma',
  'soren',
  'jose mu',
  'example.org',
  '+9198',
  'ma_a',
  'lotus',
  'zzq',
] as const
