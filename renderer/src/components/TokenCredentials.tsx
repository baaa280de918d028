import { useId, useState, type ReactNode } from 'react'
import { REVEAL_MS, type RevealedToken } from '../../../shared/credentials'
import type { Result } from '../../../shared/result'
import { describeError } from '../lib/error-messages'
import { useReveal } from '../lib/use-reveal'
import { CopyButton } from '../features/partner-header/CopyButton'
import { Icon } from './Icon'
import { Spinner } from './Spinner'

const MASK = '•'.repeat(16)
const REVEAL_SECONDS = Math.round(REVEAL_MS / 1000)

/**
 * An Auth ID and its Auth Token: copy (in main, which clears the clipboard again), copy as
 * environment variables, and reveal for a few seconds. The token reaches the page only while
 * revealed. `unavailable` disables the token actions with its reason; `note` says how the
 * token is kept. Mount it per account, so a revealed token never carries over.
 */
export function TokenCredentials({
  authId,
  heading,
  copy,
  requestReveal,
  unavailable,
  unavailableIcon = 'wifiOff',
  note,
  children,
}: {
  authId: string
  heading: string
  copy: (format: 'token' | 'env') => Promise<unknown>
  requestReveal: () => Promise<Result<RevealedToken>>
  unavailable: string | null
  unavailableIcon?: 'wifiOff' | 'info'
  note: ReactNode
  /** More under the token (a setting, a check). */
  children?: ReactNode
}) {
  const headingId = useId()
  const reasonId = useId()
  const [copying, setCopying] = useState<'token' | 'env' | null>(null)
  const reveal = useReveal(requestReveal)
  const blocked = unavailable !== null

  async function onCopy(format: 'token' | 'env') {
    if (blocked || copying) return
    setCopying(format)
    await copy(format)
    setCopying(null)
  }

  const tokenButton = `button button-small button-icon-text${blocked ? ' is-unavailable' : ''}`
  return (
    <section className="credentials" aria-labelledby={headingId}>
      <h3 id={headingId} className="detail-group-title">
        {heading}
      </h3>
      <div className="credential">
        <span className="credential-label">Auth ID</span>
        <code className="credential-value" data-testid="drawer-auth-id">
          {authId}
        </code>
        <CopyButton text={authId} what="Auth ID" />
      </div>
      <div className="credential">
        <span className="credential-label">Auth Token</span>
        {reveal.revealed ? (
          <code className="credential-value is-revealed" data-testid="revealed-token">
            {reveal.revealed.token}
          </code>
        ) : (
          <span className="credential-value credential-mask" aria-label="Auth Token, hidden">
            {MASK}
          </span>
        )}
        <div className="credential-actions">
          <button
            type="button"
            className={`${tokenButton} button-secondary`}
            aria-disabled={blocked || copying !== null || undefined}
            aria-describedby={blocked ? reasonId : undefined}
            onClick={() => void onCopy('token')}
          >
            {copying === 'token' ? <Spinner /> : <Icon name="copy" />}
            Copy<span className="visually-hidden"> Auth Token</span>
          </button>
          {reveal.revealed ? (
            <button
              type="button"
              className="button button-ghost button-small button-icon-text"
              onClick={reveal.hide}
            >
              <Icon name="eyeOff" />
              Hide<span className="visually-hidden"> Auth Token</span>
            </button>
          ) : (
            <button
              type="button"
              className={`${tokenButton} button-ghost`}
              aria-disabled={blocked || reveal.busy || undefined}
              aria-describedby={blocked ? reasonId : undefined}
              onClick={() => {
                if (!blocked && !reveal.busy) void reveal.reveal()
              }}
            >
              {reveal.busy ? <Spinner /> : <Icon name="eye" />}
              Reveal<span className="visually-hidden"> Auth Token</span>
            </button>
          )}
        </div>
      </div>
      {/* Announced once; the visible countdown is not read out every second. */}
      <p className="credential-note" aria-live="polite">
        {reveal.revealed && (
          <>
            <span className="visually-hidden">
              Auth Token shown. It is hidden again after {REVEAL_SECONDS} seconds.
            </span>
            <span aria-hidden="true">Hides in {reveal.secondsLeft} s</span>
          </>
        )}
      </p>
      <div className="credential-row">
        <button
          type="button"
          className={`${tokenButton} button-secondary`}
          aria-disabled={blocked || copying !== null || undefined}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={() => void onCopy('env')}
        >
          {copying === 'env' ? <Spinner /> : <Icon name="copy" />}
          Copy as environment variables
        </button>
        <code className="credential-hint">VOBIZ_AUTH_ID=… VOBIZ_AUTH_TOKEN=…</code>
      </div>
      {unavailable ? (
        <p id={reasonId} className="credential-note is-warning">
          <Icon name={unavailableIcon} /> {unavailable}
        </p>
      ) : (
        note && <p className="credential-note">{note}</p>
      )}
      {children}
      {reveal.error && (
        <p className="credential-note is-error" role="alert">
          {describeError(reveal.error).title}
        </p>
      )}
    </section>
  )
}
