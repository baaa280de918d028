import { useEffect, useId, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { REVEAL_MS, type TokenKeeping } from '../../../../shared/credentials'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { useClipboardStore } from '../../stores/clipboard-store'
import { CopyButton } from '../partner-header/CopyButton'
import { ClipboardDelaySetting } from './ClipboardDelaySetting'

const MASK = '•'.repeat(16)
const REVEAL_SECONDS = Math.round(REVEAL_MS / 1000)

type Revealed = { token: string; hidesAt: number }

/** The token shown for `hideAfterMs`, then masked again and dropped from memory. */
function useReveal(authId: string) {
  const [revealed, setRevealed] = useState<Revealed | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!revealed) return
    const tick = window.setInterval(() => setNow(Date.now()), 1000)
    const hide = window.setTimeout(() => setRevealed(null), revealed.hidesAt - Date.now())
    return () => {
      window.clearInterval(tick)
      window.clearTimeout(hide)
    }
  }, [revealed])

  async function reveal() {
    setBusy(true)
    setError(null)
    const result = await ipc.invoke('credentials:reveal', { authId })
    setBusy(false)
    if (!result.ok) return setError(result.error)
    setNow(Date.now())
    setRevealed({ token: result.value.token, hidesAt: Date.now() + result.value.hideAfterMs })
  }

  const secondsLeft = revealed ? Math.max(0, Math.ceil((revealed.hidesAt - now) / 1000)) : 0
  return { revealed, busy, error, secondsLeft, reveal, hide: () => setRevealed(null) }
}

function keepingText(available: boolean, keeping: TokenKeeping): string {
  if (keeping === 'session') {
    return 'No system keyring: customer tokens are kept for this session only, so copying needs a connection to Vobiz after a restart.'
  }
  return available
    ? 'Saved encrypted on this computer: copying works offline.'
    : 'Not saved on this computer yet: Partner Desk reads it from Vobiz when you copy it.'
}

/**
 * A customer's Auth ID and Auth Token. Copy goes through main, which writes the clipboard and
 * clears it again; the token reaches this page only while revealed. Mounted per customer, so a
 * revealed token never carries over to the next one.
 */
export function CredentialsSection({
  authId,
  token,
  offline,
}: {
  authId: string
  token: { available: boolean; keeping: TokenKeeping } | null
  offline: boolean
}) {
  const headingId = useId()
  const reasonId = useId()
  const copyCredential = useClipboardStore((s) => s.copyCredential)
  const [copying, setCopying] = useState<'token' | 'env' | null>(null)
  const reveal = useReveal(authId)
  // Offline, only a token kept on this computer can be used.
  const unavailable = offline && token !== null && !token.available
  const reason = unavailable
    ? 'This token is not saved on this computer, and Vobiz cannot be reached. Try again online.'
    : null

  async function copy(format: 'token' | 'env') {
    if (unavailable || copying) return
    setCopying(format)
    await copyCredential(authId, format)
    setCopying(null)
  }

  return (
    <section className="credentials" aria-labelledby={headingId}>
      <h3 id={headingId} className="detail-group-title">
        Credentials
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
            className={`button button-secondary button-small button-icon-text${unavailable ? ' is-unavailable' : ''}`}
            aria-disabled={unavailable || copying !== null || undefined}
            aria-describedby={reason ? reasonId : undefined}
            onClick={() => void copy('token')}
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
              className={`button button-ghost button-small button-icon-text${unavailable ? ' is-unavailable' : ''}`}
              aria-disabled={unavailable || reveal.busy || undefined}
              aria-describedby={reason ? reasonId : undefined}
              onClick={() => {
                if (!unavailable && !reveal.busy) void reveal.reveal()
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
          className={`button button-secondary button-small button-icon-text${unavailable ? ' is-unavailable' : ''}`}
          aria-disabled={unavailable || copying !== null || undefined}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void copy('env')}
        >
          {copying === 'env' ? <Spinner /> : <Icon name="copy" />}
          Copy as environment variables
        </button>
        <code className="credential-hint">VOBIZ_AUTH_ID=… VOBIZ_AUTH_TOKEN=…</code>
      </div>
      {reason ? (
        <p id={reasonId} className="credential-note is-warning">
          <Icon name="wifiOff" /> {reason}
        </p>
      ) : (
        token && <p className="credential-note">{keepingText(token.available, token.keeping)}</p>
      )}
      <ClipboardDelaySetting />
      {reveal.error && (
        <p className="credential-note is-error" role="alert">
          {describeError(reveal.error).title}
        </p>
      )}
    </section>
  )
}
