import { z } from 'zod'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Text shaped `YYYY-MM-DD` names a day in the calendar (not 2026-02-31, which Date.parse takes). */
function inCalendar(text: string): boolean {
  const ms = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text
}

/** A calendar day as the API takes it (`YYYY-MM-DD`), and a real one: the app's and the sandbox's rule. */
export const isDay = (text: string): boolean => DAY.test(text) && inCalendar(text)

export const daySchema = z
  .string()
  .regex(DAY, 'A date as YYYY-MM-DD.')
  .refine(inCalendar, 'Not a date in the calendar.')

/** For a `{ from, to }` object: the start is not after the end. */
export const fromNotAfterTo = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || f.from <= f.to
export const DAY_ORDER = { message: 'The start date is after the end date.', path: ['from'] }
