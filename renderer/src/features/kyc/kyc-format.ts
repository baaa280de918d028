import type { KycSessionView } from '../../../../shared/kyc'

const LABELS: Record<string, string> = {
  email_sent: 'Email sent',
  link_ready: 'Link ready',
  opened: 'Opened',
  in_progress: 'In progress',
  kyc_completed: 'Completed',
  revoked: 'Revoked',
}

/** A status as a person reads it; an unknown one (new in the API) as sent, underscores spaced. */
export function kycStatusLabel(session: Pick<KycSessionView, 'status' | 'expired'>): string {
  if (session.expired) return 'Expired'
  return LABELS[session.status] ?? session.status.replace(/_/g, ' ')
}

export function kycBadgeClass(session: Pick<KycSessionView, 'status' | 'expired'>): string {
  if (session.status === 'kyc_completed') return 'badge badge-success'
  if (session.status === 'revoked' || session.expired) return 'badge badge-danger'
  return 'badge badge-warning'
}

/** "12 min 5 s" until `iso`, or null once it has passed. */
export function timeLeft(iso: string, now: number): string | null {
  const seconds = Math.ceil((Date.parse(iso) - now) / 1000)
  if (!(seconds > 0)) return null
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`
}
