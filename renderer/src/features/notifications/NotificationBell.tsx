import { useEffect, useId } from 'react'
import { Icon } from '../../components/Icon'
import { formatCount } from '../../lib/format'
import { usePopover } from '../../lib/use-popover'
import { NotificationPanel } from './NotificationPanel'
import { useNotificationsStore } from './use-notifications'

/** The header's bell: the unread count, and the notification centre under it. */
export function NotificationBell() {
  const start = useNotificationsStore((s) => s.start)
  const unread = useNotificationsStore((s) => s.centre?.unread ?? 0)
  const { open, setOpen, close, anchor, trigger } = usePopover()
  const panelId = useId()

  useEffect(() => start(), [start])
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !anchor.current?.contains(document.activeElement)) return
      event.preventDefault()
      close()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  })

  return (
    <div ref={anchor} className="menu-anchor">
      <button
        ref={trigger}
        type="button"
        className="bell-trigger"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notification-bell"
        onClick={() => setOpen(!open)}
      >
        <Icon name="bell" />
        <span className="visually-hidden">Notifications</span>
        {unread > 0 && (
          <span className="bell-count" data-testid="notification-unread">
            {formatCount(unread)}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} onOpened={() => setOpen(false)} />}
    </div>
  )
}
