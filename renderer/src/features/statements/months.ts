const pad = (n: number) => String(n).padStart(2, '0')

/** The last `count` calendar months up to `today`'s, newest first, as `YYYY-MM`. */
export function recentMonths(today: Date, count = 12): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1)
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
  })
}

/** "November 2026" for `2026-11`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, 1).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
  })
}
