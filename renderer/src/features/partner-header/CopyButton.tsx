import { useEffect, useRef, useState } from 'react'
import { Icon } from '../../components/Icon'
import { ipc } from '../../ipc/client'

/**
 * Copies through main (`clipboard:writeText`); "Copied" (or why not) is announced in a polite
 * live region next to the button.
 */
export function CopyButton({
  text,
  what,
  compact = false,
}: {
  text: string
  what: string
  /** Icon only (a check once copied), for the partner strip; the words stay for screen readers. */
  compact?: boolean
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  async function copy() {
    window.clearTimeout(timer.current)
    const result = await ipc.invoke('clipboard:writeText', { text })
    setStatus(result.ok ? 'copied' : 'failed')
    timer.current = window.setTimeout(() => setStatus('idle'), 2500)
  }

  return (
    <span className={compact ? 'copy is-compact' : 'copy'}>
      <button
        type="button"
        className="button button-ghost button-small button-icon-text"
        title={compact ? `Copy ${what}` : undefined}
        onClick={() => void copy()}
      >
        <Icon name={compact && status === 'copied' ? 'check' : 'copy'} />
        <span className={compact ? 'visually-hidden' : undefined}>Copy</span>
        <span className="visually-hidden"> {what}</span>
      </button>
      <span
        className={`copy-status${status === 'failed' ? ' is-error' : ''}${compact ? ' visually-hidden' : ''}`}
        aria-live="polite"
      >
        {status === 'copied' ? 'Copied' : status === 'failed' ? "Couldn't copy" : ''}
      </span>
    </span>
  )
}
