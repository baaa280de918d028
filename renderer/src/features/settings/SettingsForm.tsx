import { useState, type FormEvent } from 'react'
import { settingsSchema, type Settings } from '../../../../shared/customers'
import { TextField } from '../../components/TextField'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'

/** The settings a form edits as text: whole numbers or plain amounts. */
export type TextSetting = Exclude<keyof Settings, 'customerColumns'>

export type SettingField = {
  field: TextSetting
  label: string
  hint: string
  /** Whole numbers (seconds, days) or an amount kept as exact decimal text. */
  kind: 'number' | 'amount'
}

const textOf = (value: Settings[TextSetting]): string => String(value)

/**
 * One group of settings as a form: each field checked with the contract's own rule (main checks
 * again) and its message shown at the field; saved together through `settings:set`.
 */
export function SettingsForm({
  title,
  description,
  fields,
  settings,
}: {
  title: string
  description: string
  fields: readonly SettingField[]
  settings: Settings
}) {
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const [draft, setDraft] = useState<Partial<Record<TextSetting, string>>>({})
  const [errors, setErrors] = useState<Partial<Record<TextSetting, string>>>({})
  const [notice, setNotice] = useState('')
  const [saving, setSaving] = useState(false)
  const valueOf = (field: TextSetting) => draft[field] ?? textOf(settings[field])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (saving) return
    const found: Partial<Record<TextSetting, string>> = {}
    const patch: Record<string, unknown> = {}
    for (const { field, kind } of fields) {
      const text = valueOf(field).trim()
      const value = kind === 'amount' ? text : text === '' ? NaN : Number(text)
      const parsed = settingsSchema.shape[field].safeParse(value)
      if (parsed.success) patch[field] = parsed.data
      else
        found[field] =
          text === '' ? 'Enter a value.' : (parsed.error.issues[0]?.message ?? 'Check this value.')
    }
    setErrors(found)
    setNotice('')
    if (Object.keys(found).length > 0) return
    setSaving(true)
    const result = await saveSettings(patch as Partial<Settings>)
    setSaving(false)
    if (result.ok) setDraft({})
    setNotice(result.ok ? 'Saved.' : describeError(result.error).title)
  }

  const headingId = `settings-${fields[0]?.field ?? title}`
  return (
    <form
      className="card settings-group"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={headingId} className="settings-group-title">
        {title}
      </h3>
      <p className="settings-group-text">{description}</p>
      <div className="settings-fields">
        {fields.map(({ field, label, hint, kind }) => (
          <TextField
            key={field}
            label={label}
            hint={hint}
            inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={valueOf(field)}
            error={errors[field]}
            onChange={(event) => {
              setDraft({ ...draft, [field]: event.target.value })
              setErrors({ ...errors, [field]: undefined })
              setNotice('')
            }}
          />
        ))}
      </div>
      <div className="settings-actions">
        <button type="submit" className="button button-primary button-small">
          Save
        </button>
        <span className="settings-notice" role="status">
          {notice}
        </span>
      </div>
    </form>
  )
}
