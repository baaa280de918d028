import type { CallFigures } from '../../../../shared/usage'
import { formatCount } from '../../lib/format'

export const minutesText = (minutes: number) =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(minutes)

/** "72 %" of calls answered; "—" with no calls. */
export const answeredShare = (f: CallFigures) =>
  f.calls === 0 ? '—' : `${Math.round((f.answered / f.calls) * 100)} %`

export const countText = formatCount

/** "4 min 05 s" for a number of seconds; "—" when unknown. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return '—'
  const whole = Math.max(0, Math.round(seconds))
  const minutes = Math.floor(whole / 60)
  const rest = String(whole % 60).padStart(2, '0')
  return minutes > 0 ? `${minutes} min ${rest} s` : `${whole % 60} s`
}

/** A call's start in the user's locale, to the second. */
export function startText(iso: string | null): string {
  if (!iso) return '—'
  const ms = Date.parse(iso)
  return Number.isNaN(ms)
    ? iso
    : new Date(ms).toLocaleString(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
}
