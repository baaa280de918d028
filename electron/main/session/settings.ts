import {
  DEFAULT_SETTINGS,
  PROFILE_SETTINGS,
  settingsSchema,
  type Settings,
} from '../../../shared/customers'
import type { KeyValueStore } from '../platform/ports'

const KEY = 'settings'
const PROFILE_KEY = 'profileSettings'
const FIELDS = Object.keys(settingsSchema.shape) as (keyof Settings)[]
const perProfile = new Set<keyof Settings>(PROFILE_SETTINGS)

export type SettingsService = ReturnType<typeof createSettings>

const objectAt = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}

/**
 * Preferences in the store. The thresholds belong to the active partner profile (falling back to
 * the app-wide value, then the default); the rest are app-wide. Each damaged or missing value
 * falls back on its own.
 */
export function createSettings(
  store: KeyValueStore,
  activeProfileId: () => string | null = () => null,
) {
  const profiles = () => objectAt(store.get(PROFILE_KEY))

  function get(): Settings {
    const global = objectAt(store.get(KEY))
    const profileId = activeProfileId()
    const own = profileId ? objectAt(profiles()[profileId]) : {}
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const field of FIELDS) {
      for (const source of perProfile.has(field) ? [global, own] : [global]) {
        const value = settingsSchema.shape[field].safeParse(source[field])
        if (value.success) settings[field] = value.data
      }
    }
    return settings as Settings
  }

  return {
    get,
    set(patch: Partial<Settings>): Settings {
      const next = settingsSchema.parse({
        ...get(),
        ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
      })
      const profileId = activeProfileId()
      const global: Record<string, unknown> = objectAt(store.get(KEY))
      const own: Record<string, unknown> = profileId ? objectAt(profiles()[profileId]) : {}
      for (const field of FIELDS) {
        if (perProfile.has(field) && profileId) own[field] = next[field]
        else global[field] = next[field]
      }
      store.set(KEY, global)
      if (profileId) store.set(PROFILE_KEY, { ...profiles(), [profileId]: own })
      return next
    },
  }
}
