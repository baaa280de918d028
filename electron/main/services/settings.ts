import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/customers'
import type { KeyValueStore } from './ports'

const KEY = 'settings'
const FIELDS = Object.keys(settingsSchema.shape) as (keyof Settings)[]

export type SettingsService = ReturnType<typeof createSettings>

/** App-wide preferences in the store; each damaged or missing value falls back to its default. */
export function createSettings(store: KeyValueStore) {
  function get(): Settings {
    const raw = store.get(KEY)
    const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const field of FIELDS) {
      const value = settingsSchema.shape[field].safeParse(stored[field])
      if (value.success) settings[field] = value.data
    }
    return settings as Settings
  }
  return {
    get,
    set(patch: Partial<Settings>): Settings {
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      )
      const next = settingsSchema.parse({ ...get(), ...defined })
      store.set(KEY, next)
      return next
    },
  }
}
