import { useState, type FormEvent } from 'react'
import { settingsSchema } from '../../../../shared/customers'
import { TextField } from '../../components/TextField'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'

type Field = 'runwayThresholdDays' | 'runwayHorizonDays'
const LABELS: Record<Field, string> = {
  runwayThresholdDays: 'Default threshold (days)',
  runwayHorizonDays: 'Horizon (days)',
}

/** The profile's default runway threshold and the watchlist's horizon, in whole days. */
export function RunwaySettings({
  thresholdDays,
  horizonDays,
}: Record<'thresholdDays' | 'horizonDays', number>) {
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const [draft, setDraft] = useState<Record<Field, string>>({
    runwayThresholdDays: String(thresholdDays),
    runwayHorizonDays: String(horizonDays),
  })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [notice, setNotice] = useState('')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    const values: Partial<Record<Field, number>> = {}
    for (const field of Object.keys(LABELS) as Field[]) {
      const text = draft[field].trim()
      const parsed = settingsSchema.shape[field].safeParse(text === '' ? NaN : Number(text))
      if (parsed.success) values[field] = parsed.data
      else found[field] = parsed.error.issues[0]?.message ?? 'Use whole days.'
    }
    setErrors(found)
    setNotice('')
    if (Object.keys(found).length > 0) return
    const result = await saveSettings(values)
    setNotice(result.ok ? 'Saved for this profile.' : describeError(result.error).title)
  }

  return (
    <form
      className="watch-settings"
      aria-label="Runway settings"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {(Object.keys(LABELS) as Field[]).map((field) => (
        <TextField
          key={field}
          label={LABELS[field]}
          inputMode="numeric"
          autoComplete="off"
          value={draft[field]}
          error={errors[field]}
          onChange={(event) => {
            setDraft({ ...draft, [field]: event.target.value })
            setErrors({ ...errors, [field]: undefined })
          }}
        />
      ))}
      <button type="submit" className="button button-secondary button-small">
        Save
      </button>
      <span className="watch-settings-notice" role="status">
        {notice}
      </span>
    </form>
  )
}
