import { useCallback } from 'react'
import {
  COLUMN_WIDTH,
  DEFAULT_SETTINGS,
  customerColumnSchema,
  type ColumnLayout,
} from '../../../../shared/customers'
import { useCustomersStore } from '../../stores/customers-store'

/**
 * The customer table's hidden columns and dragged widths, kept per profile in main's settings
 * (`customerColumns`), so they are there again after a restart.
 */
export function useColumnLayout() {
  const layout = useCustomersStore(
    (s) => s.settings?.customerColumns ?? DEFAULT_SETTINGS.customerColumns,
  )
  const saveSettings = useCustomersStore((s) => s.saveSettings)

  const setHidden = useCallback(
    (column: string, hidden: boolean) => {
      const parsed = customerColumnSchema.safeParse(column)
      if (!parsed.success) return
      const others = layout.hidden.filter((c) => c !== parsed.data)
      const next: ColumnLayout = {
        ...layout,
        hidden: hidden ? [...others, parsed.data] : others,
      }
      void saveSettings({ customerColumns: next })
    },
    [layout, saveSettings],
  )

  const setWidth = useCallback(
    (column: string, width: number) => {
      const parsed = customerColumnSchema.safeParse(column)
      if (!parsed.success) return
      const clamped = Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, width)))
      void saveSettings({
        customerColumns: { ...layout, widths: { ...layout.widths, [parsed.data]: clamped } },
      })
    },
    [layout, saveSettings],
  )

  const reset = useCallback(
    () => void saveSettings({ customerColumns: DEFAULT_SETTINGS.customerColumns }),
    [saveSettings],
  )

  return { layout, setHidden, setWidth, reset }
}
