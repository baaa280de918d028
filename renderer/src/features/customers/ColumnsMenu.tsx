import { useId } from 'react'
import type { ColumnLayout } from '../../../../shared/customers'
import { Icon } from '../../components/Icon'
import { usePopover } from '../../lib/use-popover'
import { COLUMNS } from './cells'

/** "Columns": a checkbox per column to show or hide it, and a reset of widths and columns. */
export function ColumnsMenu({
  layout,
  onHidden,
  onReset,
}: {
  layout: ColumnLayout
  onHidden: (column: string, hidden: boolean) => void
  onReset: () => void
}) {
  const { open, setOpen, close, anchor, trigger, input } = usePopover()
  const panelId = useId()
  const shown = COLUMNS.length - layout.hidden.length
  return (
    <div className="popover-anchor" ref={anchor}>
      <button
        ref={trigger}
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        <Icon name="columns" />
        Columns
      </button>
      {open && (
        // Esc inside the menu closes it and gives focus back to the button.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <fieldset
          id={panelId}
          className="popover columns-menu"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.preventDefault()
            close()
          }}
        >
          <legend className="columns-menu-title">Show columns</legend>
          {COLUMNS.map((column, i) => {
            const hidden = layout.hidden.includes(column.id)
            return (
              <label key={column.id} className="columns-menu-item">
                <input
                  ref={i === 0 ? input : undefined}
                  type="checkbox"
                  checked={!hidden}
                  // The last shown column stays: a table needs one.
                  disabled={!hidden && shown === 1}
                  onChange={(event) => onHidden(column.id, !event.target.checked)}
                />
                {column.label}
              </label>
            )
          })}
          <button type="button" className="button button-ghost button-small" onClick={onReset}>
            Reset columns
          </button>
        </fieldset>
      )}
    </div>
  )
}
