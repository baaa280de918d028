import { appError, fail } from '../../../shared/app-error'
import {
  KYC_LINK_REVEAL_MS,
  KYC_PAGE_SIZE,
  type KycList,
  type KycSessionView,
  type KycStarted,
} from '../../../shared/kyc'
import {
  KYC_RESEND_WAIT_SECONDS,
  KYC_TERMINAL_STATUSES,
  maskEmail,
  type KycSessionWire,
} from '../../../shared/vobiz-kyc'
import type { CustomerTokens } from '../customers/customer-tokens'
import type { ClipboardGuard } from '../platform/clipboard-guard'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'

export type KycService = ReturnType<typeof createKycService>

export type KycServiceDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  /** The redirect flow's links, by session id: encrypted per profile like customer tokens. */
  links: Pick<CustomerTokens, 'get' | 'put' | 'remove' | 'forget'>
  guard: Pick<ClipboardGuard, 'copySecret'>
  clock: Clock
  logger: Logger
}

const NO_LINK =
  'This computer has no link for this session (it was started elsewhere, or the link was ' +
  'removed). Start a new session to get a link.'

/** What the drawer and the KYC screen show of a session, read at `now`. */
export function toKycSessionView(
  wire: KycSessionWire,
  now: number,
  hasLink: boolean,
): KycSessionView {
  // The Session object does not say its flow: a redirect session is the one with a redirect_url.
  const flow = wire.redirect_url || wire.status === 'link_ready' ? 'redirect' : 'email'
  const expiresMs = wire.expires_at ? Date.parse(wire.expires_at) : NaN
  const terminal = KYC_TERMINAL_STATUSES.includes(wire.status)
  const expired = !terminal && expiresMs <= now
  const finished = terminal || expired
  const createdMs = wire.created_at ? Date.parse(wire.created_at) : NaN
  return {
    id: wire.id,
    authId: wire.account_auth_id,
    flow,
    status: wire.status,
    expired,
    finished,
    sentTo: flow === 'email' && wire.customer_email ? maskEmail(wire.customer_email) : null,
    expiresAt: wire.expires_at ?? null,
    firstOpenedAt: wire.first_opened_at ?? null,
    completedAt: wire.completed_at ?? null,
    createdAt: wire.created_at ?? null,
    resendAllowedAt:
      flow === 'email' && !finished && Number.isFinite(createdMs)
        ? new Date(createdMs + KYC_RESEND_WAIT_SECONDS * 1000).toISOString()
        : null,
    hasLink: flow === 'redirect' && !finished && hasLink,
  }
}

/**
 * KYC sessions (partner-usage-and-onboarding.md): list, start, resend, revoke. The redirect
 * flow's link is a credential of sorts (whoever holds it does the customer's check): it is kept
 * encrypted in main, copied through the clipboard guard, and crosses IPC only in `revealLink`.
 */
export function createKycService(deps: KycServiceDeps) {
  const { session, links, clock, logger } = deps

  const view = async (profileId: string, wire: KycSessionWire): Promise<KycSessionView> =>
    toKycSessionView(wire, clock.now(), (await links.get(profileId, wire.id)) !== null)

  async function list(query: {
    page: number
    size?: number
    status?: string | undefined
    authId?: string | undefined
  }): Promise<KycList> {
    const { profileId, client } = await session.activeClient()
    const size = query.size ?? KYC_PAGE_SIZE
    const reply = await client.listKycSessions({
      page: query.page,
      size,
      status: query.status,
      accountAuthId: query.authId,
    })
    return {
      sessions: await Promise.all(reply.sessions.map((s) => view(profileId, s))),
      total: reply.total,
      page: reply.page ?? query.page,
      size: reply.size ?? size,
    }
  }

  async function latest(authId: string): Promise<KycSessionView | null> {
    return (await list({ page: 1, size: 1, authId })).sessions[0] ?? null
  }

  async function link(sessionId: string): Promise<string> {
    const { profileId } = await session.activeClient()
    return (await links.get(profileId, sessionId)) ?? fail(appError.notFound(NO_LINK))
  }

  return {
    list,
    latest,

    async start(request: {
      authId: string
      flow: 'email' | 'redirect'
      email?: string | undefined
      redirectUrl?: string | undefined
      expiresInDays: number
    }): Promise<KycStarted> {
      const previous = await latest(request.authId)
      const { profileId, client } = await session.activeClient()
      const created = await client.createKycSession({
        account_auth_id: request.authId,
        flow_type: request.flow,
        ...(request.flow === 'email'
          ? { customer_email: request.email }
          : { redirect_url: request.redirectUrl }),
        expires_in_days: request.expiresInDays,
      })
      // Vobiz revoked the previous session: its link is dead, so it is not kept either.
      if (previous && !previous.finished) await links.remove(profileId, previous.id)
      if (created.widget_url) {
        logger.addSecret(created.widget_url)
        await links.put(profileId, [[created.session_id, created.widget_url]])
      }
      logger.info('kyc session started', { authId: request.authId, flow: request.flow })
      // The create reply has what the drawer shows but created_at: it is now.
      const wire: KycSessionWire = {
        id: created.session_id,
        account_auth_id: created.account_auth_id ?? request.authId,
        customer_email: created.customer_email ?? request.email ?? null,
        status: created.status,
        expires_at: created.expires_at ?? null,
        first_opened_at: null,
        completed_at: null,
        redirect_url: request.flow === 'redirect' ? (request.redirectUrl ?? null) : null,
        created_at: new Date(clock.now()).toISOString(),
      }
      return {
        session: await view(profileId, wire),
        replaced: previous !== null && !previous.finished,
      }
    },

    async resend(sessionId: string): Promise<{ session: KycSessionView }> {
      const { profileId, client } = await session.activeClient()
      await client.resendKycSession(sessionId)
      logger.info('kyc email resent', { sessionId })
      return { session: await view(profileId, await client.getKycSession(sessionId)) }
    },

    async revoke(sessionId: string, reason?: string): Promise<{ session: KycSessionView }> {
      const { profileId, client } = await session.activeClient()
      await client.revokeKycSession(sessionId, reason)
      await links.remove(profileId, sessionId)
      logger.info('kyc session revoked', { sessionId })
      return { session: await view(profileId, await client.getKycSession(sessionId)) }
    },

    async copyLink(sessionId: string): Promise<{ clearsAt: string }> {
      const { clearsAt } = await deps.guard.copySecret(await link(sessionId), 'KYC link')
      logger.info('kyc link copied', { sessionId })
      return { clearsAt }
    },

    async revealLink(sessionId: string): Promise<{ link: string; hideAfterMs: number }> {
      const value = await link(sessionId)
      logger.info('kyc link revealed', { sessionId })
      return { link: value, hideAfterMs: KYC_LINK_REVEAL_MS }
    },

    /** Sign-out: the profile's links leave memory and disk. */
    forget: (profileId: string): Promise<void> => links.forget(profileId),
  }
}
