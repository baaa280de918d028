import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/customers'
import type { KeyValueStore } from './ports'

const KEY = 'settings'
const storedSchema = settingsSchema.partial()

export type SettingsService = ReturnType<typeof createSettings>

/** App-wide preferences in the store; a damaged or missing value falls back to its default. */
export function createSettings(store: KeyValueStore) {
  function get(): Settings {
    const stored = storedSchema.safeParse(store.get(KEY))
    return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) }
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
