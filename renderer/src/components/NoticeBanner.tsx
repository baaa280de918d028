import { Icon } from './Icon'
import { useSessionStore } from '../stores/session-store'

/** Main's plain-language notice (SessionState.notice), until the user closes it. */
export function NoticeBanner() {
  const notice = useSessionStore((s) => s.session?.notice ?? null)
  const dismissed = useSessionStore((s) => s.dismissedNotice)
  const dismiss = useSessionStore((s) => s.dismissNotice)
  const visible = notice !== null && notice !== dismissed
  return (
    <div role="status" className="notice-region">
      {visible && (
        <div className="banner banner-info">
          <Icon name="info" className="banner-icon" />
          <p className="banner-text">{notice}</p>
          <button type="button" className="button button-ghost button-small" onClick={dismiss}>
            Dismiss
            <span className="visually-hidden"> notice</span>
          </button>
        </div>
      )}
    </div>
  )
}
