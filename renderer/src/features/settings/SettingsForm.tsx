import type { FormEvent } from 'react'
import { settingsSchema, type Settings } from '../../../../shared/customers'
import { TextField } from '../../components/TextField'
import { SettingsActions, useSettingsDraft } from './settings-draft'

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
  const { draft, errors, notice, edit, save } = useSettingsDraft<TextSetting>()
  const valueOf = (field: TextSetting) => draft[field] ?? textOf(settings[field])

  async function submit(event: FormEvent) {
    event.preventDefault()
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
    await save(found, patch as Partial<Settings>)
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
            onChange={(event) => edit(field, event.target.value)}
          />
        ))}
      </div>
      <SettingsActions notice={notice} />
    </form>
  )
}
