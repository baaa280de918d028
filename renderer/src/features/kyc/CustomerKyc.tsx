import { useEffect, useId, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { KYC_LINK_REVEAL_MS, type KycSessionView } from '../../../../shared/kyc'
import { Disclosure } from '../../components/Disclosure'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { absoluteTime } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useReveal } from '../../lib/use-reveal'
import { useClipboardStore } from '../../stores/clipboard-store'
import { kycBadgeClass, kycStatusLabel, timeLeft } from './kyc-format'
import { RevokeKycDialog } from './RevokeKycDialog'
import { StartKycDialog } from './StartKycDialog'

type Props = { authId: string; name: string; email: string | null; offline: boolean }

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="kyc-fact">
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </div>
  )
}

function Kyc({ authId, name, email, offline }: Props) {
  const reasonId = useId()
  const now = useNow(1000)
  const [session, setSession] = useState<KycSessionView | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<AppError | null>(null)
  const [forbidden, setForbidden] = useState<string | null>(null)
  const [dialog, setDialog] = useState<'start' | 'revoke' | null>(null)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const copyKycLink = useClipboardStore((s) => s.copyKycLink)
  const reveal = useReveal(async () => {
    const result = await ipc.invoke('kyc:revealLink', { sessionId: session?.id ?? '' })
    return result.ok
      ? { ok: true, value: { token: result.value.link, hideAfterMs: result.value.hideAfterMs } }
      : result
  })

  const failed = (e: AppError) => {
    setError(e)
    if (e.kind === 'forbidden') setForbidden(e.message)
  }
  useEffect(() => {
    if (offline) return
    let current = true
    void ipc.invoke('kyc:latest', { authId }).then((result) => {
      if (!current) return
      setLoading(false)
      if (result.ok) return setSession(result.value.session)
      setError(result.error)
      if (result.error.kind === 'forbidden') setForbidden(result.error.message)
    })
    return () => {
      current = false
    }
  }, [authId, offline])

  async function resend() {
    if (!session) return
    setBusy(true)
    setError(null)
    const result = await ipc.invoke('kyc:resend', { sessionId: session.id })
    setBusy(false)
    if (!result.ok) return failed(result.error)
    setSession(result.value.session)
    setNote(`KYC email sent again to ${result.value.session.sentTo ?? 'the customer'}.`)
  }

  const blocked = offline
    ? 'Offline: KYC sessions can be started and changed once Vobiz can be reached.'
    : forbidden
  const active = session && !session.finished ? session : null
  const waitLeft = active?.resendAllowedAt ? timeLeft(active.resendAllowedAt, now) : null
  const resendBlocked = blocked ?? (waitLeft ? `Resend is allowed in ${waitLeft}.` : null)
  const disabledProps = (reason: string | null) => ({
    'aria-disabled': reason !== null || busy || undefined,
    'aria-describedby': reason ? reasonId : undefined,
  })

  return (
    <div className="customer-kyc" data-testid="customer-kyc">
      {loading && !offline && <Spinner />}
      {error && <ErrorAlert text={describeError(error)} onDismiss={() => setError(null)} />}
      {!loading && !session && !offline && (
        <p className="section-note">No KYC session has been started for {name}.</p>
      )}
      {session && (
        <div className="kyc-session" data-testid="kyc-session">
          <p className="kyc-session-head">
            <span className={kycBadgeClass(session)} data-testid="kyc-status">
              {kycStatusLabel(session)}
            </span>
            <span>{session.flow === 'email' ? 'Email to the customer' : 'Link to hand over'}</span>
          </p>
          <dl className="kyc-facts">
            {session.flow === 'email' && <Fact label="Sent to" value={session.sentTo} />}
            <Fact label="Expires" value={session.expiresAt && absoluteTime(session.expiresAt)} />
            <Fact
              label="First opened"
              value={session.firstOpenedAt && absoluteTime(session.firstOpenedAt)}
            />
            <Fact
              label="Completed"
              value={session.completedAt && absoluteTime(session.completedAt)}
            />
          </dl>
          {active?.hasLink && (
            <div className="credential">
              <span className="credential-label">KYC link</span>
              {reveal.revealed ? (
                <code className="credential-value is-revealed" data-testid="kyc-link-revealed">
                  {reveal.revealed.token}
                </code>
              ) : (
                <span className="credential-value credential-mask" aria-label="KYC link, hidden">
                  {'•'.repeat(16)}
                </span>
              )}
              <div className="credential-actions">
                <button
                  type="button"
                  className="button button-secondary button-small button-icon-text"
                  onClick={() => void copyKycLink(active.id)}
                >
                  <Icon name="copy" />
                  Copy link
                </button>
                <button
                  type="button"
                  className="button button-ghost button-small button-icon-text"
                  aria-disabled={reveal.busy || undefined}
                  onClick={() => (reveal.revealed ? reveal.hide() : void reveal.reveal())}
                >
                  <Icon name={reveal.revealed ? 'eyeOff' : 'eye'} />
                  {reveal.revealed ? 'Hide' : 'Reveal'}
                  <span className="visually-hidden"> KYC link</span>
                </button>
              </div>
            </div>
          )}
          {active?.hasLink && (
            <p className="credential-note" aria-live="polite">
              {reveal.revealed
                ? `Hides in ${reveal.secondsLeft} s`
                : `Copying clears the clipboard again; a reveal shows it ${KYC_LINK_REVEAL_MS / 1000} s.`}
            </p>
          )}
        </div>
      )}
      {note && (
        <p className="section-note" role="status">
          <Icon name="check" /> {note}
        </p>
      )}
      <div className="kyc-actions">
        <button
          type="button"
          className={`button button-primary button-small${blocked ? ' is-unavailable' : ''}`}
          {...disabledProps(blocked)}
          onClick={() => !blocked && setDialog('start')}
        >
          {active ? 'Start a new KYC session' : 'Start KYC'}
        </button>
        {active?.flow === 'email' && (
          <button
            type="button"
            className={`button button-secondary button-small${resendBlocked ? ' is-unavailable' : ''}`}
            {...disabledProps(resendBlocked)}
            onClick={() => !resendBlocked && !busy && void resend()}
          >
            {busy && <Spinner />}
            Resend email
          </button>
        )}
        {active && (
          <button
            type="button"
            className={`button button-ghost button-small${blocked ? ' is-unavailable' : ''}`}
            {...disabledProps(blocked)}
            onClick={() => !blocked && setDialog('revoke')}
          >
            Revoke
          </button>
        )}
      </div>
      {(resendBlocked ?? blocked) && (
        <p id={reasonId} className="credential-note is-warning" data-testid="kyc-blocked">
          <Icon name={offline ? 'wifiOff' : 'info'} /> {resendBlocked ?? blocked}
        </p>
      )}
      {dialog === 'start' && (
        <StartKycDialog
          authId={authId}
          name={name}
          email={email}
          active={active}
          onClose={() => setDialog(null)}
          onStarted={(started) => {
            setDialog(null)
            setSession(started)
            setNote(
              started.flow === 'email'
                ? `KYC email sent to ${started.sentTo ?? 'the customer'}.`
                : 'KYC link ready: copy it to hand it over.',
            )
          }}
        />
      )}
      {dialog === 'revoke' && active && (
        <RevokeKycDialog
          name={name}
          session={active}
          onClose={() => setDialog(null)}
          onRevoked={(revoked) => {
            setDialog(null)
            setSession(revoked)
            setNote('KYC session revoked: its link no longer works.')
          }}
        />
      )}
    </div>
  )
}

/** The customer's KYC session in the drawer, read when the section is opened. */
export function CustomerKyc(props: Props) {
  return (
    <Disclosure title="KYC" testId="drawer-kyc">
      {() => <Kyc {...props} />}
    </Disclosure>
  )
}
