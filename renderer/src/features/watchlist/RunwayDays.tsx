/** "2.5 days", "under a day", "no limit" (no spend). */
export function runwayText(days: number | null): string {
  if (days === null) return 'No limit'
  if (days < 1) return days === 0 ? 'Empty' : 'Under a day'
  const shown = days < 10 ? days.toFixed(1) : Math.floor(days).toLocaleString()
  return `${shown} days`
}

/** The runway with a badge colour: red under the threshold, amber within the horizon. */
export function RunwayDays({ days, below }: { days: number | null; below: boolean }) {
  return (
    <span
      className={`badge ${below ? 'badge-danger' : 'badge-warning'}`}
      title={days === null ? 'Nothing spent in 30 days' : `${days} days`}
    >
      {runwayText(days)}
    </span>
  )
}
