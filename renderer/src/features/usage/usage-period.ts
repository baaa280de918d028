import type { UsagePeriod } from '../../../../shared/usage'

export const PERIOD_PRESETS = ['today', '7days', 'thisMonth', 'lastMonth', 'custom'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  today: 'Today',
  '7days': 'Last 7 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  custom: 'Custom',
}

const pad = (n: number) => String(n).padStart(2, '0')
/** The calendar day of a local date, as the API takes days. */
export const dayText = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/**
 * The days a preset covers, in the user's calendar on `today` (the API takes days, not
 * instants). "Last 7 days" includes today. `custom` keeps the days given.
 */
export function periodOf(preset: PeriodPreset, today: Date, custom: UsagePeriod): UsagePeriod {
  const y = today.getFullYear()
  const m = today.getMonth()
  switch (preset) {
    case 'today':
      return { from: dayText(today), to: dayText(today) }
    case '7days':
      return { from: dayText(new Date(y, m, today.getDate() - 6)), to: dayText(today) }
    case 'thisMonth':
      return { from: dayText(new Date(y, m, 1)), to: dayText(today) }
    case 'lastMonth':
      return { from: dayText(new Date(y, m - 1, 1)), to: dayText(new Date(y, m, 0)) }
    case 'custom':
      return custom
  }
}
