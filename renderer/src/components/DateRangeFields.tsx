import { TextField } from './TextField'

/** "From" and "To" days (`YYYY-MM-DD` or ''), each bounded by the other; a reversed range is said. */
export function DateRangeFields({
  from,
  to,
  onChange,
}: {
  from: string
  to: string
  onChange: (range: { from: string; to: string }) => void
}) {
  const reversed = from !== '' && to !== '' && from > to
  return (
    <>
      <TextField
        label="From"
        type="date"
        value={from}
        max={to || undefined}
        error={reversed ? 'After the end date.' : undefined}
        onChange={(e) => onChange({ from: e.target.value, to })}
      />
      <TextField
        label="To"
        type="date"
        value={to}
        min={from || undefined}
        onChange={(e) => onChange({ from, to: e.target.value })}
      />
    </>
  )
}
