import type { SubAccountView } from '../../../../shared/subaccounts'
import { Icon } from '../../components/Icon'
import { useMenuButton } from '../../lib/use-menu-button'

export type RowAction = 'credentials' | 'rename' | 'enable' | 'disable' | 'delete'

/**
 * A sub-account's actions behind one "Actions" menu button, always in the same order
 * (Credentials, Rename, Enable or Disable, Delete). `blocked` says why the changes are
 * unavailable (offline); they stay in the menu, marked unavailable, so the order never changes.
 */
export function SubAccountRowMenu({
  sub,
  blocked,
  onAction,
}: {
  sub: SubAccountView
  blocked: string | null
  onAction: (action: RowAction) => void
}) {
  const { open, close, triggerProps, menuProps } = useMenuButton({ fixed: true })

  const items: { action: RowAction; label: string; change: boolean }[] = [
    { action: 'credentials', label: 'Credentials', change: false },
    { action: 'rename', label: 'Rename', change: true },
    sub.enabled
      ? { action: 'disable', label: 'Disable', change: true }
      : { action: 'enable', label: 'Enable', change: true },
    { action: 'delete', label: 'Delete', change: true },
  ]

  function choose(action: RowAction, unavailable: boolean) {
    if (unavailable) return
    // Focus back on the button first: a dialog opened now returns it there when it closes.
    close(true)
    onAction(action)
  }

  return (
    <div className="menu-anchor">
      <button
        {...triggerProps}
        type="button"
        className="button button-ghost button-small subaccount-menu-button"
      >
        Actions<span className="visually-hidden"> for {sub.name}</span>
        <Icon name="chevronDown" />
      </button>
      {open && (
        <ul {...menuProps} aria-label={`Actions for ${sub.name}`} className="menu row-menu">
          {items.map(({ action, label, change }) => {
            const unavailable = change && blocked !== null
            return (
              <li key={action} role="none">
                {action === 'delete' && <span className="menu-separator" aria-hidden="true" />}
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={`menu-item${action === 'delete' ? ' is-danger' : ''}${unavailable ? ' is-unavailable' : ''}`}
                  aria-disabled={unavailable || undefined}
                  title={unavailable ? (blocked ?? undefined) : undefined}
                  onClick={() => choose(action, unavailable)}
                >
                  {label}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
