/* A focusable separator that takes pointer and arrow keys is the ARIA pattern for a resize
   handle (a window splitter), which jsx-a11y counts as non-interactive. */
/* eslint-disable jsx-a11y/no-noninteractive-tabindex, jsx-a11y/no-noninteractive-element-interactions */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { COLUMN_WIDTH } from '../../../../shared/customers'

const STEP = 16

/**
 * The drag handle at a column header's right edge. While dragging, only the grid's custom
 * property moves (no render per pointer move); the width is saved on release. ←/→ resize from
 * the keyboard.
 */
export function ColumnResizer({
  column,
  label,
  width,
  onResize,
}: {
  column: string
  label: string
  /** The column's set width (it may grow beyond it with the room left). */
  width: number
  onResize: (column: string, width: number) => void
}) {
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null)

  const cellOf = (element: Element) => element.closest<HTMLElement>('[role="columnheader"]')
  const gridOf = (element: Element) => element.closest<HTMLElement>('[role="grid"]')
  const clamp = (width: number) =>
    Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, width)))

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    const cell = cellOf(event.currentTarget)
    if (!cell) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    const width = cell.getBoundingClientRect().width
    drag.current = { startX: event.clientX, startWidth: width, width }
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current
    if (!current) return
    current.width = clamp(current.startWidth + event.clientX - current.startX)
    const grid = gridOf(event.currentTarget)
    grid?.style.setProperty(`--w-${column}`, `${current.width}px`)
    grid?.style.setProperty(`--g-${column}`, '0')
  }

  function onPointerUp() {
    const current = drag.current
    drag.current = null
    if (current && current.width !== current.startWidth) onResize(column, current.width)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const cell = cellOf(event.currentTarget)
    if (!cell) return
    const width = cell.getBoundingClientRect().width
    onResize(column, clamp(width + (event.key === 'ArrowRight' ? STEP : -STEP)))
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={width}
      aria-valuemin={COLUMN_WIDTH.min}
      aria-valuemax={COLUMN_WIDTH.max}
      tabIndex={0}
      className="column-resizer"
      data-testid={`resize-${column}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
