import { useRef, useState } from 'react'
import { formatDay, parseDay } from '../../../shared/date-format'
import { Icon } from './Icon'
import { TextField } from './TextField'

/**
 * A day field that reads like the app's dates ("Dec 2, 2026"), whatever the browser's locale
 * (a native date input would show mm/dd/yyyy next to them). Typed text is taken as soon as it
 * is a real day (also ISO, "2026-12-02"); the calendar button opens the browser's own picker.
 * `value` is `YYYY-MM-DD` or ''.
 */
export function DateField({
  label,
  value,
  min,
  max,
  error,
  onChange,
}: {
  label: string
  value: string
  min?: string | undefined
  max?: string | undefined
  error?: string | undefined
  onChange: (day: string) => void
}) {
  const [text, setText] = useState(() => formatDay(value))
  const [unreadable, setUnreadable] = useState(false)
  const [shownValue, setShownValue] = useState(value)
  const picker = useRef<HTMLInputElement>(null)

  // A change from outside (the picker, a reset) is shown; the user's own typing is left alone.
  if (value !== shownValue) {
    setShownValue(value)
    setUnreadable(false)
    if (parseDay(text) !== value) setText(formatDay(value))
  }

  function typed(next: string) {
    setText(next)
    const day = parseDay(next)
    if (day !== null) {
      setUnreadable(false)
      if (day !== value) onChange(day)
    }
  }

  return (
    <TextField
      label={label}
      className="date-field"
      autoComplete="off"
      spellCheck={false}
      placeholder={formatDay('2026-12-02')}
      value={text}
      error={unreadable ? `Use a date such as ${formatDay('2026-12-02')}.` : error}
      onChange={(event) => typed(event.target.value)}
      onBlur={() => {
        if (parseDay(text) === null) setUnreadable(true)
        else setText(formatDay(value))
      }}
      trailing={
        <>
          <button
            type="button"
            className="button button-ghost button-small date-field-button"
            aria-label={`Calendar for ${label}`}
            title="Choose from a calendar"
            onClick={() => picker.current?.showPicker()}
          >
            <Icon name="calendar" />
          </button>
          <input
            ref={picker}
            type="date"
            className="date-field-picker"
            tabIndex={-1}
            aria-hidden="true"
            value={value}
            min={min}
            max={max}
            onChange={(event) => onChange(event.target.value)}
          />
        </>
      }
    />
  )
}
