import { useEffect, useId, useState, type FormEvent } from 'react'
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../../shared/customers'
import { timeOfDaySchema } from '../../../../shared/notifications'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'

type Draft = {
  notificationsEnabled: boolean
  quietEnabled: boolean
  start: string
  end: string
  closeToTray: boolean
}
type Errors = Partial<Record<'start' | 'end', string>>

const TIMES = [
  { field: 'start', label: 'From', hint: 'HH:MM, local time' },
  { field: 'end', label: 'Until', hint: 'May be the next morning' },
] as const

const draftOf = (settings: Settings): Draft => ({
  notificationsEnabled: settings.notificationsEnabled,
  quietEnabled: settings.quietHours.enabled,
  start: settings.quietHours.start,
  end: settings.quietHours.end,
  closeToTray: settings.closeToTray,
})

/** Each time field's own message, then the pair's (start and end the same). */
function check(draft: Draft): Errors {
  const errors: Errors = {}
  for (const field of ['start', 'end'] as const) {
    const parsed = timeOfDaySchema.safeParse(draft[field].trim())
    if (!parsed.success) errors[field] = parsed.error.issues[0]?.message
  }
  if (errors.start || errors.end) return errors
  const pair = settingsSchema.shape.quietHours.safeParse({
    enabled: draft.quietEnabled,
    start: draft.start.trim(),
    end: draft.end.trim(),
  })
  if (!pair.success) errors.end = pair.error.issues[0]?.message
  return errors
}

/**
 * Alerts on or off, quiet hours (local time; 22:00 to 07:00 runs over midnight) and close to
 * tray. Self-contained: it reads and saves the settings itself.
 */
export function NotificationSettings() {
  const settings = useCustomersStore((s) => s.settings)
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings ?? DEFAULT_SETTINGS))
  const [loaded, setLoaded] = useState(settings !== null)
  const [errors, setErrors] = useState<Errors>({})
  const [notice, setNotice] = useState('')
  const ids = useId()

  useEffect(() => {
    if (loaded) return
    void ipc.invoke('settings:get', {}).then((result) => {
      if (result.ok) setDraft(draftOf(result.value))
      setLoaded(true)
    })
  }, [loaded])

  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch })
    setNotice('')
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = check(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) return setNotice('')
    const result = await saveSettings({
      notificationsEnabled: draft.notificationsEnabled,
      quietHours: { enabled: draft.quietEnabled, start: draft.start.trim(), end: draft.end.trim() },
      closeToTray: draft.closeToTray,
    })
    setNotice(result.ok ? 'Saved.' : describeError(result.error).title)
  }

  const checkbox = (
    field: 'notificationsEnabled' | 'quietEnabled' | 'closeToTray',
    label: string,
    hint: string,
  ) => (
    <div className="checkbox-field">
      <input
        id={`${ids}-${field}`}
        type="checkbox"
        checked={draft[field]}
        aria-describedby={`${ids}-${field}-hint`}
        onChange={(event) => change({ [field]: event.target.checked })}
      />
      <label htmlFor={`${ids}-${field}`}>{label}</label>
      <span id={`${ids}-${field}-hint`} className="field-hint">
        {hint}
      </span>
    </div>
  )

  return (
    <form
      className="notification-settings"
      aria-label="Notification settings"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {checkbox(
        'notificationsEnabled',
        'Alert when a customer needs attention',
        'Once each time a customer falls below its threshold or runs out within the horizon.',
      )}
      {checkbox(
        'quietEnabled',
        'Quiet hours',
        'Alerts wait in this list; one summary shows when the quiet hours end.',
      )}
      <div className="notification-quiet-times">
        {TIMES.map(({ field, label, hint }) => (
          <TextField
            key={field}
            label={label}
            hint={hint}
            inputMode="numeric"
            autoComplete="off"
            value={draft[field]}
            error={errors[field]}
            onChange={(event) => {
              change({ [field]: event.target.value })
              setErrors({ ...errors, [field]: undefined })
            }}
          />
        ))}
      </div>
      {checkbox(
        'closeToTray',
        'Keep watching in the tray when the window is closed',
        'Desktop app: closing hides the window; Quit in the tray menu ends Partner Desk.',
      )}
      <div className="notification-settings-actions">
        <button type="submit" className="button button-primary button-small" disabled={!loaded}>
          Save
        </button>
        <span role="status" className="notification-settings-notice">
          {notice}
        </span>
      </div>
    </form>
  )
}
