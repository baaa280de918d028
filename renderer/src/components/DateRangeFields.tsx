import { DateField } from './DateField'

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
      <DateField
        label="From"
        value={from}
        max={to || undefined}
        error={reversed ? 'After the end date.' : undefined}
        onChange={(day) => onChange({ from: day, to })}
      />
      <DateField
        label="To"
        value={to}
        min={from || undefined}
        onChange={(day) => onChange({ from, to: day })}
      />
    </>
  )
}
