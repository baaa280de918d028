import { useState } from 'react'
import type { Settings } from '../../../../shared/customers'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'

/**
 * A settings form's edited texts (by key), the messages at its fields and its "Saved." notice.
 * `save` shows what the form found wrong at the fields; with nothing found it saves the patch
 * through `settings:set` and says how that went.
 */
export function useSettingsDraft<K extends string>() {
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const [draft, setDraft] = useState<Partial<Record<K, string>>>({})
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({})
  const [notice, setNotice] = useState('')
  const [saving, setSaving] = useState(false)

  function edit(key: K, value: string) {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors((current) => ({ ...current, [key]: undefined }))
    setNotice('')
  }

  async function save(found: Partial<Record<K, string>>, patch: Partial<Settings>) {
    setErrors(found)
    setNotice('')
    if (saving || Object.keys(found).length > 0) return
    setSaving(true)
    const result = await saveSettings(patch)
    setSaving(false)
    if (result.ok) setDraft({})
    setNotice(result.ok ? 'Saved.' : describeError(result.error).title)
  }

  return { draft, errors, notice, edit, save }
}

/** A settings form's Save button and the notice it leaves. */
export function SettingsActions({ notice }: { notice: string }) {
  return (
    <div className="settings-actions">
      <button type="submit" className="button button-primary button-small">
        Save
      </button>
      <span className="settings-notice" role="status">
        {notice}
      </span>
    </div>
  )
}
