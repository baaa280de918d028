import { useId, useState } from 'react'
import { CLIPBOARD_CLEAR_SECONDS } from '../../../../shared/credentials'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'

const CHOICES = [10, 15, 30, 60, 90, 120].filter(
  (s) => s >= CLIPBOARD_CLEAR_SECONDS.min && s <= CLIPBOARD_CLEAR_SECONDS.max,
)

/** How long a copied secret stays on the clipboard (`clipboardClearSeconds`, 10–120 s). */
export function ClipboardDelaySetting() {
  const id = useId()
  const settings = useCustomersStore((s) => s.settings)
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const [error, setError] = useState<string | null>(null)
  const seconds = settings?.clipboardClearSeconds ?? DEFAULT_SETTINGS.clipboardClearSeconds

  async function choose(value: number) {
    setError(null)
    const result = await saveSettings({ clipboardClearSeconds: value })
    if (!result.ok) setError(describeError(result.error).title)
  }

  return (
    <div className="credential-setting">
      <label htmlFor={id}>Clear copied secrets after</label>
      <select
        id={id}
        className="select"
        value={seconds}
        onChange={(event) => void choose(Number(event.target.value))}
      >
        {[...new Set([...CHOICES, seconds])]
          .sort((a, b) => a - b)
          .map((choice) => (
            <option key={choice} value={choice}>
              {choice} seconds
            </option>
          ))}
      </select>
      {error && (
        <span className="credential-note is-error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
