import { useEffect, useId } from 'react'
import { Icon } from './Icon'
import { describeError } from '../lib/error-messages'
import { useNow } from '../lib/use-now'
import { useClipboardStore, type ClipboardNotice } from '../stores/clipboard-store'

function message(notice: ClipboardNotice, now: number): { text: string; tone: string } {
  switch (notice.state) {
    case 'copied': {
      const seconds = Math.max(0, Math.round((Date.parse(notice.clearsAt) - now) / 1000))
      return {
        text: `${notice.label} copied. The clipboard is cleared in ${seconds} s.`,
        tone: 'info',
      }
    }
    case 'done':
      return notice.event.cleared
        ? { text: `Clipboard cleared (${notice.event.label}).`, tone: 'success' }
        : {
            text: 'The clipboard holds something else now, so Partner Desk left it alone.',
            tone: 'info',
          }
    case 'failed':
      return {
        text: `Couldn't copy: ${describeError(notice.error).title}`,
        tone: 'danger',
      }
  }
}

/**
 * The countdown of a copied secret and how it ended, shown by the newest mounted toast only
 * (inside a modal dialog, the page behind is inert). A polite live region announces each new
 * state once; the seconds tick only visually.
 */
export function ClipboardToast() {
  const notice = useClipboardStore((s) => s.notice)
  const dismiss = useClipboardStore((s) => s.dismiss)
  const now = useNow(1000)
  const id = useId()
  const addHost = useClipboardStore((s) => s.addToastHost)
  const removeHost = useClipboardStore((s) => s.removeToastHost)
  const topmost = useClipboardStore((s) => s.toastHosts.at(-1) === id)

  useEffect(() => {
    addHost(id)
    return () => removeHost(id)
  }, [id, addHost, removeHost])

  // "Cleared" stays a few seconds, then goes.
  useEffect(() => {
    if (notice?.state !== 'done') return
    const timer = window.setTimeout(dismiss, 6000)
    return () => window.clearTimeout(timer)
  }, [notice, dismiss])

  const shown = notice && topmost ? message(notice, now) : null
  const announced =
    notice?.state === 'copied'
      ? `${notice.label} copied. Partner Desk clears the clipboard by itself.`
      : (shown?.text ?? '')
  return (
    <div className="toast-region">
      <p className="visually-hidden" role="status">
        {topmost ? announced : ''}
      </p>
      {shown && (
        <div className={`toast toast-${shown.tone}`} data-testid="clipboard-toast">
          <Icon
            name={
              notice?.state === 'failed' ? 'alert' : notice?.state === 'done' ? 'check' : 'copy'
            }
          />
          <p className="toast-text" aria-hidden="true">
            {shown.text}
          </p>
          <button type="button" className="button button-ghost button-small" onClick={dismiss}>
            Dismiss<span className="visually-hidden"> clipboard message</span>
          </button>
        </div>
      )}
    </div>
  )
}
