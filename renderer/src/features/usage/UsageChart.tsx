import { useEffect, useRef, useSyncExternalStore } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { AnalyticsView } from '../../../../shared/usage'
import { useThemeStore } from '../../stores/theme-store'

const HEIGHT = 240
const DARK = '(prefers-color-scheme: dark)'
const isSystemDark = () => matchMedia(DARK).matches
function watchScheme(onChange: () => void) {
  const query = matchMedia(DARK)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** A colour resolved from the theme (canvas needs real colours, not custom properties). */
function themeColour(host: HTMLElement, className: string): string {
  const probe = document.createElement('span')
  probe.className = className
  host.append(probe)
  const colour = getComputedStyle(probe).color
  probe.remove()
  return colour
}

/** "Nov 14" for a `YYYY-MM-DD` day, in the user's locale (no time zone shift: it is a day). */
function dayLabel(day: string | undefined): string {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
  })
}

function options(host: HTMLElement, width: number, view: AnalyticsView): uPlot.Options {
  const currency = view.currency
  const text = themeColour(host, 'chart-ink-text')
  const grid = themeColour(host, 'chart-ink-grid')
  const axis = (scale: string, side: 0 | 1 | 2 | 3 = 3, label?: string): uPlot.Axis => ({
    scale,
    side,
    stroke: text,
    grid: { stroke: grid, width: 1, show: side === 3 },
    ticks: { stroke: grid, width: 1 },
    ...(label ? { label } : {}),
  })
  return {
    width,
    height: HEIGHT,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    // Days by their index: the x axis names days, never hours or time zones.
    scales: { x: { time: false }, calls: { auto: true }, cost: { auto: true } },
    series: [
      { label: 'Day', value: (_u, index) => dayLabel(view.series[index]?.date) },
      {
        label: 'Calls',
        scale: 'calls',
        stroke: themeColour(host, 'chart-ink-calls'),
        width: 2,
        points: { show: false },
      },
      {
        label: currency ? `Cost (${currency})` : 'Cost',
        scale: 'cost',
        stroke: themeColour(host, 'chart-ink-cost'),
        width: 2,
        dash: [6, 4],
        points: { show: false },
      },
    ],
    axes: [
      {
        ...axis('x', 2),
        grid: { show: false },
        space: 56,
        incrs: [1, 2, 7, 14, 30, 61, 91],
        values: (_u, splits) => splits.map((i) => dayLabel(view.series[i]?.date)),
      },
      axis('calls', 3),
      axis('cost', 1),
    ],
  }
}

/** Calls and cost per day, by the day's index. (Cost as a float is for drawing only.) */
function seriesData(view: AnalyticsView): uPlot.AlignedData {
  return [
    view.series.map((_, i) => i),
    view.series.map((p) => p.calls),
    view.series.map((p) => Number(p.cost)),
  ]
}

/**
 * Calls and cost per day (uPlot, on a canvas). The canvas is hidden from assistive technology:
 * the same figures are in the table beside it.
 */
export function UsageChart({ view, tableId }: { view: AnalyticsView; tableId: string }) {
  const host = useRef<HTMLDivElement | null>(null)
  // Either can change the colours: the chart is drawn again.
  const theme = useThemeStore((s) => s.choice)
  const systemDark = useSyncExternalStore(watchScheme, isSystemDark)
  useEffect(() => {
    const element = host.current
    if (!element) return
    const chart = new uPlot(
      options(element, Math.max(320, element.clientWidth), view),
      seriesData(view),
      element,
    )
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT }),
    )
    resize.observe(element)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [view, theme, systemDark])
  return (
    <figure className="usage-chart" aria-describedby={tableId}>
      <div ref={host} className="usage-chart-canvas" aria-hidden="true" data-testid="usage-chart" />
      <figcaption className="section-note">
        Calls (solid) and cost (dashed) per day; the figures are in the table below.
      </figcaption>
    </figure>
  )
}
