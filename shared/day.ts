import { z } from 'zod'

/** A calendar day as the API takes it (`YYYY-MM-DD`), and a real one (no 2026-02-31). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.')
  .refine((text) => {
    const ms = Date.parse(`${text}T00:00:00Z`)
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text
  }, 'Not a date in the calendar.')

/** For a `{ from, to }` object: the start is not after the end. */
export const fromNotAfterTo = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || f.from <= f.to
export const DAY_ORDER = { message: 'The start date is after the end date.', path: ['from'] }
