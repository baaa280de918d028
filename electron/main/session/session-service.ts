import { AppFailure, appError, fail } from '../../../shared/app-error'
import type { PartnerView, SessionState } from '../../../shared/ipc-contract'
import type { SignInRequest } from '../../../shared/sign-in'
import type { Logger } from '../platform/logger'
import { toPartnerView, type PartnerCache } from './partner-view'
import type { Clock, SandboxLauncher } from '../platform/ports'
import type { Vault } from './vault'
import type { VobizClient, VobizCredentials } from '../vobiz/vobiz-client'
import type { PartnerProfile } from '../../../shared/vobiz'

export type SessionDeps = {
  vault: Vault
  partnerCache: PartnerCache
  createClient: (credentials: VobizCredentials) => VobizClient
  sandbox: SandboxLauncher
  logger: Logger
  clock: Clock
}

export type SessionService = ReturnType<typeof createSessionService>

/** Sign-in, profiles, sign-out and the partner reading shown in the header. */
export function createSessionService(deps: SessionDeps) {
  const { vault, partnerCache, logger, clock } = deps
  let notice: string | null = null
  /** Profiles whose partner was read from the API during this run. */
  const fresh = new Set<string>()
  const clients = new Map<string, { token: string; baseUrl: string; client: VobizClient }>()
  /** Reads of the partner in flight, per profile: whoever asks meanwhile shares the one request. */
  const reading = new Map<string, Promise<SessionState>>()
  const changeListeners: ((state: SessionState) => void)[] = []
  const signOutListeners: ((profileId: string) => Promise<void>)[] = []
  let observe = (client: VobizClient): VobizClient => client

  /** A profile whose token is gone (signed out, session-only after a restart) is not signed in. */
  function signedInProfileId(): string | null {
    const selected = vault.activeProfileId()
    return selected && vault.tokenStorage(selected) !== 'none' ? selected : null
  }

  async function state(): Promise<SessionState> {
    const activeProfileId = signedInProfileId()
    const partner = activeProfileId ? partnerCache.get(activeProfileId) : null
    return {
      profiles: vault.profiles().map((p) => ({
        id: p.id,
        label: p.label,
        baseUrl: p.baseUrl,
        authId: p.authId,
        isSandbox: p.isSandbox,
        tokenStorage: vault.tokenStorage(p.id),
      })),
      activeProfileId,
      partner,
      partnerStale: partner !== null && !fresh.has(activeProfileId ?? ''),
      encryption: await vault.encryptionStatus(),
      notice,
    }
  }

  async function publish(): Promise<SessionState> {
    const current = await state()
    for (const listener of changeListeners) listener(current)
    return current
  }

  function clientFor(profileId: string, credentials: VobizCredentials): VobizClient {
    const known = clients.get(profileId)
    if (known && known.token === credentials.authToken && known.baseUrl === credentials.baseUrl) {
      return known.client
    }
    const client = observe(deps.createClient(credentials))
    clients.set(profileId, { token: credentials.authToken, baseUrl: credentials.baseUrl, client })
    return client
  }

  /** The client for the active profile; a sandbox profile gets its local server (re)started. */
  async function activeClient(): Promise<{
    profileId: string
    partnerAuthId: string
    baseUrl: string
    client: VobizClient
  }> {
    const profileId = vault.activeProfileId()
    const profile = profileId ? vault.profile(profileId) : null
    if (!profileId || !profile) return fail(appError.unauthorized('Sign in to continue.'))
    const token = await vault.token(profileId)
    if (!token) {
      return fail(
        appError.unauthorized(`Sign in again to ${profile.label}: its token is not saved.`),
      )
    }
    let baseUrl = profile.baseUrl
    if (profile.isSandbox) {
      baseUrl = (await deps.sandbox.ensure(token)).baseUrl
      if (baseUrl !== profile.baseUrl) vault.update(profileId, { baseUrl })
    }
    return {
      profileId,
      partnerAuthId: profile.authId,
      baseUrl,
      client: clientFor(profileId, { baseUrl, authId: profile.authId, authToken: token }),
    }
  }

  /**
   * A client with another account's credentials (a customer's or a sub-account's, from this
   * computer's encrypted store) against the active profile's API. Not kept: made per use.
   */
  async function accountClient(credentials: {
    authId: string
    authToken: string
  }): Promise<{ profileId: string; client: VobizClient }> {
    const { profileId, baseUrl } = await activeClient()
    return { profileId, client: observe(deps.createClient({ baseUrl, ...credentials })) }
  }

  /**
   * The partner view with its wallet currency: /me's `currency` when present (the profile page's
   * prose lists it; its response example and schema do not), else the one known from an earlier
   * reading, else the dashboard's documented `currency`. Never guessed: null when none says.
   */
  async function viewOf(
    profile: PartnerProfile,
    client: VobizClient,
    known: string | null,
  ): Promise<PartnerView> {
    const view = toPartnerView(profile, new Date(clock.now()))
    if (view.currency) return view
    const currency =
      known ??
      (await client.getDashboard().then(
        (dashboard) => dashboard.currency ?? null,
        () => null,
      ))
    return { ...view, currency }
  }

  async function readPartner(profileId: string, client: VobizClient): Promise<PartnerView> {
    const known = partnerCache.get(profileId)?.currency ?? null
    const view = await viewOf(await client.getPartner(), client, known)
    partnerCache.set(profileId, view)
    fresh.add(profileId)
    return view
  }

  async function signInWith(
    request: Omit<SignInRequest, 'label'> & { label: string; isSandbox: boolean },
  ): Promise<SessionState> {
    const credentials = {
      baseUrl: request.baseUrl,
      authId: request.authId,
      authToken: request.authToken,
    }
    logger.addSecret(request.authToken)
    const client = deps.createClient(credentials)
    const profile = await client.getPartner()
    const view = await viewOf(profile, client, null)
    if (profile.auth_id !== request.authId) {
      logger.warn('partner auth id differs from the one typed', { typed: request.authId })
    }
    const saved = await vault.save(
      {
        label: request.label,
        baseUrl: request.baseUrl,
        authId: request.authId,
        isSandbox: request.isSandbox,
      },
      request.authToken,
      { allowWeakStorage: request.allowWeakStorage },
    )
    notice = saved.notice
    vault.setActive(saved.profile.id)
    partnerCache.set(saved.profile.id, view)
    fresh.add(saved.profile.id)
    logger.info('signed in', { profileId: saved.profile.id, sandbox: request.isSandbox })
    return publish()
  }

  return {
    state,
    /** The active profile, if it is signed in (has a usable token). */
    activeProfileId: signedInProfileId,
    activeClient,
    accountClient,
    /** The active profile's partner as last read (permissions, balance, currency). */
    partner: async (): Promise<PartnerView | null> => (await state()).partner,

    /** Called with the new state after every change (sign-in, switch, sign-out, a reading). */
    onChange(listener: (state: SessionState) => void): void {
      changeListeners.push(listener)
    },
    /** At sign-out, awaited in turn: deletes what else the app keeps for that profile. */
    onSignOut(listener: (profileId: string) => Promise<void>): void {
      signOutListeners.push(listener)
    },
    /**
     * Wraps the clients of saved profiles (to watch connectivity, which is made after the session
     * as it probes through it); sign-in checks are not.
     */
    observeClients(wrap: (client: VobizClient) => VobizClient): void {
      observe = wrap
    },

    signIn: (request: SignInRequest) =>
      signInWith({
        ...request,
        label: request.label || `${request.authId} · ${new URL(request.baseUrl).host}`,
        isSandbox: false,
      }),

    async signInSandbox(): Promise<SessionState> {
      const existing = vault.profiles().find((p) => p.isSandbox)
      const savedToken = existing ? await vault.token(existing.id).catch(() => null) : null
      const sandbox = await deps.sandbox.ensure(savedToken ?? undefined)
      return signInWith({
        baseUrl: sandbox.baseUrl,
        authId: sandbox.authId,
        authToken: sandbox.authToken,
        label: 'Sandbox',
        isSandbox: true,
        // The sandbox token guards nothing real, so keeping it is always fine.
        allowWeakStorage: true,
      })
    },

    async switchProfile(profileId: string): Promise<SessionState> {
      if (!vault.profile(profileId))
        return fail(appError.notFound('That profile no longer exists.'))
      vault.setActive(profileId)
      notice = null
      try {
        const { client } = await activeClient()
        await readPartner(profileId, client)
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error
        if (error.appError.kind === 'unauthorized' || error.appError.kind === 'storage') {
          vault.setActive(null)
          await publish()
          throw error
        }
        // Offline and friends: the profile opens with its last good reading, marked stale.
      }
      return publish()
    },

    async signOut(profileId: string): Promise<SessionState> {
      vault.forgetToken(profileId)
      partnerCache.clear(profileId)
      clients.delete(profileId)
      fresh.delete(profileId)
      if (vault.activeProfileId() === profileId) vault.setActive(null)
      notice = null
      for (const listener of signOutListeners) await listener(profileId)
      logger.info('signed out', { profileId })
      return publish()
    },

    refreshPartner,

    /** At start-up: refresh the active profile in the background; the cached view shows first. */
    restore(): void {
      if (!vault.activeProfileId()) return
      refreshPartner().catch((error: unknown) => {
        logger.info('start-up refresh failed; showing the cached partner', {
          kind: error instanceof AppFailure ? error.appError.kind : 'unknown',
        })
      })
    },
  }

  /** Reads the partner again (coalesced); offline keeps the last reading, a revoked token signs out. */
  function refreshPartner(): Promise<SessionState> {
    const profileId = vault.activeProfileId() ?? ''
    const running = reading.get(profileId)
    if (running) return running
    const read = readPartnerNow().finally(() => reading.delete(profileId))
    reading.set(profileId, read)
    return read
  }

  async function readPartnerNow(): Promise<SessionState> {
    const { profileId, client } = await activeClient()
    try {
      await readPartner(profileId, client)
    } catch (error) {
      if (error instanceof AppFailure && error.appError.kind === 'unauthorized') {
        vault.forgetToken(profileId)
        vault.setActive(null)
        notice = 'Your saved token was not accepted any more. Sign in again.'
      }
      fresh.delete(profileId)
      await publish()
      throw error
    }
    return publish()
  }
}
