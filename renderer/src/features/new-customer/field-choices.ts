import { getAllTimezones, getCountry } from 'countries-and-timezones'
import { getExampleNumber } from 'libphonenumber-js/min'
import examples from 'libphonenumber-js/mobile/examples'
import { COUNTRY_CODES } from '../../../../shared/countries'

export type Choice = { value: string; label: string }

let countries: Choice[] | null = null
/** Every ISO 3166-1 alpha-2 code with its English name, sorted by name. */
export function countryChoices(): Choice[] {
  if (countries) return countries
  const names = new Intl.DisplayNames(['en'], { type: 'region' })
  const collator = new Intl.Collator('en')
  countries = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(
    (a, b) => collator.compare(a.label, b.label),
  )
  return countries
}

let zones: string[] | null = null
/** The IANA time zones (current names), sorted. */
export function allTimeZones(): string[] {
  zones ??= Object.keys(getAllTimezones()).filter((zone) => zone.includes('/') || zone === 'UTC')
  zones.sort()
  return zones
}

/** The time zones of a country, e.g. IN → Asia/Kolkata. */
export const countryTimeZones = (country: string): string[] =>
  country ? (getCountry(country)?.timezones ?? []) : []

/**
 * The zone to suggest for a country: its only one, or this computer's when it is one of the
 * country's; none when the country spans several and the user must choose.
 */
export function suggestedTimeZone(country: string): string | null {
  const options = countryTimeZones(country)
  if (options.length === 1) return options[0] ?? null
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone
  return options.includes(local) ? local : null
}

/** "e.g. +91 81234 56789" for the country, so the user sees the expected shape. */
export function phoneExample(country: string): string | null {
  if (!country) return null
  try {
    return getExampleNumber(country as never, examples)?.formatInternational() ?? null
  } catch {
    return null
  }
}
