import { useEffect } from 'react'
import { absoluteTime, readingAge } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useNavigationStore } from '../../stores/navigation-store'
import { useNotificationsStore } from './use-notifications'

/**
 * The notification centre: recent alerts (a customer crossed into the watchlist), newest first;
 * each opens that customer's drawer. In the browser preview these are the notifications; in the
 * app each also showed as a desktop notification.
 */
export function NotificationPanel({ id, onOpened }: { id: string; onOpened: () => void }) {
  const centre = useNotificationsStore((s) => s.centre)
  const markRead = useNotificationsStore((s) => s.markRead)
  const load = useNotificationsStore((s) => s.load)
  useEffect(() => void load(), [load])
  const requestCustomers = useNavigationStore((s) => s.requestCustomers)
  const now = useNow(30_000)
  const entries = centre?.entries ?? []

  return (
    <section
      id={id}
      className="notification-panel"
      aria-labelledby={`${id}-heading`}
      data-testid="notification-centre"
    >
      <div className="notification-panel-head">
        <h2 id={`${id}-heading`} className="notification-panel-title">
          Notifications
        </h2>
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={!centre || centre.unread === 0}
          onClick={() => void markRead(null)}
        >
          Mark all read
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="notification-empty">
          No alerts yet. You are told here when a customer needs attention (below its threshold or
          running out within the horizon).
        </p>
      ) : (
        <ul className="notification-list" aria-label="Recent alerts">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className={`notification-item${entry.read ? '' : ' is-unread'}`}
                data-testid="notification-entry"
                onClick={() => {
                  if (!entry.read) void markRead(entry.id)
                  requestCustomers({ kind: 'open', authId: entry.authId })
                  onOpened()
                }}
              >
                <span className="notification-dot" aria-hidden="true" />
                <span className="notification-text">
                  <span className="notification-title">
                    {entry.title}
                    {!entry.read && <span className="visually-hidden"> (unread)</span>}
                  </span>
                  <span className="notification-body">{entry.body}</span>
                  <time
                    className="notification-time"
                    dateTime={entry.at}
                    title={absoluteTime(entry.at)}
                  >
                    {readingAge(entry.at, now)}
                  </time>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
