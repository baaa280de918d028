import { randomBytes } from 'node:crypto'
import { KYC_TERMINAL_STATUSES, maskEmail, type KycSessionStatus } from '../../shared/vobiz-kyc'
import type { NewKycSession } from './kyc-validation'
import { accountTimestamp } from './model'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/**
 * The sandbox's deterministic progress of every session (the docs give the order, not the
 * timing: our reading). Minutes after creation; past the 30-minute resend window on purpose.
 */
export const KYC_SCHEDULE_MINUTES = { opened: 45, in_progress: 60, kyc_completed: 90 } as const

export type KycSession = NewKycSession & {
  id: string
  createdAtMs: number
  /** The link handed to the customer (redirect flow); a secret-like random token in it. */
  widgetUrl: string | null
  revokedAtMs: number | null
  revokeReason: string | null
  lastSentAtMs: number | null
}

/** The session's status at `at`, its first opening and completion (null until they happen). */
export function progressAt(session: KycSession, at: number) {
  const end = session.revokedAtMs !== null ? Math.min(at, session.revokedAtMs) : at
  const after = (minutes: number) => session.createdAtMs + minutes * MINUTE_MS
  const reached = (minutes: number) => (after(minutes) <= end ? after(minutes) : null)
  const openedAt = reached(KYC_SCHEDULE_MINUTES.opened)
  const inProgressAt = reached(KYC_SCHEDULE_MINUTES.in_progress)
  const completedAt = reached(KYC_SCHEDULE_MINUTES.kyc_completed)
  // A session completed before it was revoked stays completed (the revoke was refused then).
  const status: KycSessionStatus =
    completedAt !== null
      ? 'kyc_completed'
      : session.revokedAtMs !== null && session.revokedAtMs <= at
        ? 'revoked'
        : inProgressAt !== null
          ? 'in_progress'
          : openedAt !== null
            ? 'opened'
            : session.flow === 'email'
              ? 'email_sent'
              : 'link_ready'
  const changes = [session.createdAtMs, openedAt, inProgressAt, completedAt]
  if (status === 'revoked') changes.push(session.revokedAtMs)
  if (session.lastSentAtMs !== null) changes.push(session.lastSentAtMs)
  const updatedAt = Math.max(...changes.filter((ms): ms is number => ms !== null && ms <= at))
  return { status, openedAt, completedAt, updatedAt }
}

export const isTerminal = (session: KycSession, at: number): boolean =>
  KYC_TERMINAL_STATUSES.includes(progressAt(session, at).status)

export const expiresAtMs = (session: KycSession): number =>
  session.createdAtMs + session.expiresInDays * DAY_MS

/** The Session object of `GET /kyc-sessions/{id}`, field for field as the page lists it. */
export function sessionJson(session: KycSession, at: number) {
  const { status, openedAt, completedAt, updatedAt } = progressAt(session, at)
  return {
    id: session.id,
    account_auth_id: session.accountAuthId,
    customer_email: session.customerEmail,
    kyc_type: null,
    status,
    expires_at: accountTimestamp(expiresAtMs(session)),
    first_opened_at: openedAt === null ? null : accountTimestamp(openedAt),
    completed_at: completedAt === null ? null : accountTimestamp(completedAt),
    webhook_url: session.webhookUrl,
    redirect_url: session.redirectUrl,
    reminder_schedule: session.reminderSchedule,
    metadata: session.metadata,
    // "masked identity fields": which ones is not documented; these are our reading.
    verified_data:
      completedAt === null ? null : { full_name: 'R**** S****', document_number: 'XXXXXXXX1234' },
    created_at: accountTimestamp(session.createdAtMs),
    updated_at: accountTimestamp(updatedAt),
  }
}

/** The create reply (201), field for field as the page lists it. */
export function createdJson(session: KycSession, at: number) {
  return {
    session_id: session.id,
    account_auth_id: session.accountAuthId,
    customer_email: session.customerEmail,
    email_dispatched_to: session.flow === 'email' ? maskEmail(session.customerEmail ?? '') : null,
    kyc_type: null,
    status: progressAt(session, at).status,
    expires_at: accountTimestamp(expiresAtMs(session)),
    widget_url: session.widgetUrl,
    kyc_link: null,
    message:
      session.flow === 'email'
        ? 'KYC session created and email sent.'
        : 'KYC session created; hand the widget_url to the customer.',
  }
}

/** Sessions in memory, in creation order; ids repeat after a reset (deterministic tests). */
export function createKycSessions() {
  let sessions: KycSession[] = []
  let counter = 0
  return {
    /** Adds a session and revokes the account's active one, silently (the documented rule). */
    create(input: NewKycSession, at: number): KycSession {
      for (const old of sessions) {
        if (old.accountAuthId === input.accountAuthId && !isTerminal(old, at)) {
          old.revokedAtMs = at
          old.revokeReason = 'Replaced by a new session.'
        }
      }
      counter += 1
      const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
      const session: KycSession = {
        ...input,
        id,
        createdAtMs: at,
        widgetUrl:
          input.flow === 'redirect'
            ? `https://kyc.vobiz.ai/widget/${id}?token=${randomBytes(18).toString('base64url')}`
            : null,
        revokedAtMs: null,
        revokeReason: null,
        lastSentAtMs: input.flow === 'email' ? at : null,
      }
      sessions.push(session)
      return session
    },
    get: (id: string): KycSession | undefined => sessions.find((s) => s.id === id),
    /** Newest first (the order is not documented: our reading). */
    newestFirst: (): KycSession[] => sessions.slice().reverse(),
    reset() {
      sessions = []
      counter = 0
    },
  }
}
