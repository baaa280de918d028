import type { QuietHours } from '../../../shared/notifications'

const DAY_MINUTES = 24 * 60

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number)
  return hours * 60 + minutes
}

/** Minutes since local midnight at `ms` (the computer's time zone). */
export const localMinute = (ms: number): number => {
  const date = new Date(ms)
  return date.getHours() * 60 + date.getMinutes()
}

/**
 * Minutes from `minute` (since local midnight) until the quiet hours end, or 0 when it is not
 * quiet then. The start is inside, the end is not; 22:00–07:00 wraps midnight.
 */
export function quietMinutesLeft(quiet: QuietHours, minute: number): number {
  if (!quiet.enabled) return 0
  const start = minutesOf(quiet.start)
  const length = (minutesOf(quiet.end) - start + DAY_MINUTES) % DAY_MINUTES
  const into = (minute - start + DAY_MINUTES) % DAY_MINUTES
  return into < length ? length - into : 0
}
