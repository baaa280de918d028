import { AppFailure, appError, fail } from '../../../shared/app-error'
import {
  credentialLabel,
  REVEAL_MS,
  type CopiedSecret,
  type RevealedToken,
} from '../../../shared/credentials'
import { fieldMessages } from '../../../shared/field-messages'
import {
  newSubAccountSchema,
  type SubAccountListView,
  type SubAccountOwner,
  type SubAccountView,
} from '../../../shared/subaccounts'
import type { ClipboardGuard } from '../platform/clipboard-guard'
import { envLine } from '../session/credentials-service'
import type { CustomerTokens } from '../customers/customer-tokens'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import { createSavedSubAccountLists } from './saved-subaccount-lists'
import { createBody, toSubAccountView } from './subaccount-views'
import type { VobizClient } from '../vobiz/vobiz-client'
import { isUnreached } from '../vobiz/vobiz-errors'

export type SubAccountsDeps = {
  session: {
    activeClient(): Promise<{ profileId: string; partnerAuthId: string; client: VobizClient }>
    activeProfileId(): string | null
    accountClient(credentials: {
      authId: string
      authToken: string
    }): Promise<{ profileId: string; client: VobizClient }>
  }
  /** A customer's token (stored, or read from Vobiz): the credentials of its sub-accounts' parent. */
  customerToken: (authId: string) => Promise<string>
  /** Sub-account tokens, encrypted: Vobiz returns one only when the sub-account is created. */
  tokens: CustomerTokens
  guard: ClipboardGuard
  dataDir: string
  logger: Logger
  clock: Clock
}

export type SubAccountsService = ReturnType<typeof createSubAccountsService>

const PAGE_SIZE = 100
/** Pages read at most for one list (10,000 sub-accounts). */
const MAX_PAGES = 100

const API_TO_FORM: Record<string, string> = { rate_limit: 'rateLimit', kyc_mode: 'kycMode' }
const formFields = (fields: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(fields).map(([name, text]) => [API_TO_FORM[name] ?? name, text]),
  )

const tokenMissing = (authId: string) =>
  appError.notFound(
    `The Auth Token of ${authId} is not on this computer. Vobiz shows a sub-account's token only when it is created, and this one was created elsewhere (or before Partner Desk kept it).`,
  )

/**
 * Sub-accounts of the partner's own main account or of a customer's account, through the
 * Sub-account API with that account's own credentials. Lists are saved per profile (plain, no
 * token) for offline viewing; tokens of sub-accounts created here are kept encrypted, because
 * every later read masks them.
 */
export function createSubAccountsService(deps: SubAccountsDeps) {
  const { logger } = deps
  const savedLists = createSavedSubAccountLists({ dataDir: deps.dataDir, logger })

  /** The client and parent auth id for an owner; a customer's refused token is said plainly. */
  async function parentOf(owner: SubAccountOwner) {
    if (owner.kind === 'partner') {
      const { profileId, partnerAuthId, client } = await deps.session.activeClient()
      return { profileId, parent: partnerAuthId, client }
    }
    const authToken = await deps.customerToken(owner.authId)
    const { profileId, client } = await deps.session.accountClient({
      authId: owner.authId,
      authToken,
    })
    return { profileId, parent: owner.authId, client }
  }

  /**
   * Runs a call with the owner's credentials; a refusal (401 or 403) of a customer's own
   * credentials names the customer, not the partner account the generic message speaks of.
   */
  async function withParent<T>(
    owner: SubAccountOwner,
    call: (p: Awaited<ReturnType<typeof parentOf>>) => Promise<T>,
  ): Promise<T> {
    const parent = await parentOf(owner)
    try {
      return await call(parent)
    } catch (error) {
      if (owner.kind === 'customer' && error instanceof AppFailure) {
        if (error.appError.kind === 'unauthorized') {
          fail(
            appError.forbidden(
              `Vobiz refused the credentials of ${owner.authId} (401): the customer may be disabled, or its token changed. Refresh the customers and try again.`,
            ),
          )
        }
        if (error.appError.kind === 'forbidden') {
          // Right token, blocked account: Vobiz answers 403 for a disabled customer.
          fail(
            appError.forbidden(
              `Vobiz refused the credentials of ${owner.authId} (403): the customer is disabled, so its sub-accounts cannot be managed until it is enabled again.`,
            ),
          )
        }
      }
      throw error
    }
  }

  async function tokenOf(authId: string): Promise<string> {
    const { profileId } = await deps.session.activeClient()
    return (await deps.tokens.get(profileId, authId)) ?? fail(tokenMissing(authId))
  }

  return {
    /** Every sub-account of the owner, oldest first; offline, the list saved last time. */
    async list(owner: SubAccountOwner): Promise<SubAccountListView> {
      const { profileId } = await deps.session.activeClient()
      try {
        const { list, listedFor } = await withParent(owner, async (p) => {
          const { parent, client } = p
          const views: SubAccountView[] = []
          for (let page = 1; page <= MAX_PAGES; page++) {
            const reply = await client.listSubAccounts(parent, { page, size: PAGE_SIZE })
            for (const sub of reply.sub_accounts) {
              const kept = (await deps.tokens.get(p.profileId, sub.auth_id)) !== null
              views.push(toSubAccountView(sub, kept))
            }
            if (reply.sub_accounts.length === 0 || views.length >= reply.total) break
          }
          // The profile whose credentials read it (a switch meanwhile must not mix caches).
          return { list: views, listedFor: p.profileId }
        })
        // One time for the reply and the saved copy: offline, the list says when it was read.
        const fetchedAt = new Date(deps.clock.now()).toISOString()
        await savedLists.save(listedFor, owner, list, fetchedAt)
        return { subAccounts: list, source: 'network', fetchedAt }
      } catch (error) {
        if (!isUnreached(error)) throw error
        const saved = await savedLists.read(profileId, owner)
        if (!saved) throw error
        return { subAccounts: saved.subAccounts, source: 'saved', fetchedAt: saved.fetchedAt }
      }
    },

    /** Creates one (never retried); its token is kept encrypted, the JWTs are dropped. */
    async create(owner: SubAccountOwner, draftInput: unknown) {
      const parsed = newSubAccountSchema.safeParse(draftInput)
      if (!parsed.success) {
        // Field messages only: the form shows them where they belong.
        return fail(
          appError.validation('Some fields need another look.', fieldMessages(parsed.error)),
        )
      }
      return withParent(owner, async ({ profileId, parent, client }) => {
        let created
        try {
          created = await client.createSubAccount(parent, createBody(parsed.data))
        } catch (error) {
          if (error instanceof AppFailure && error.appError.kind === 'unknown_outcome') {
            fail(
              appError.unknownOutcome(
                'The reply from Vobiz was lost. Refresh the list: if the sub-account is there, its token could not be kept — delete it and create it again.',
              ),
            )
          }
          const rejected = error instanceof AppFailure ? error.appError : null
          if (rejected?.kind === 'validation' && rejected.fields) {
            // Vobiz names fields as the API does; the form's names put each message in place.
            fail(appError.validation(rejected.message, formFields(rejected.fields)))
          }
          throw error
        }
        const { auth_id: authId, auth_token: token } = created.auth_credentials
        logger.addSecret(token)
        if (deps.session.activeProfileId() !== profileId) {
          // Signed out (or switched) while Vobiz created it: that profile's files are gone, and
          // its token must not come back to this computer under them.
          logger.warn('sub-account created after its profile was left; token not kept', { authId })
          fail(
            appError.conflict(
              `${authId} was created, but its profile was signed out meanwhile, so its token was not kept. Delete it and create it again.`,
            ),
          )
        }
        await deps.tokens.put(profileId, [[authId, token]])
        const view = toSubAccountView(created.sub_account, true)
        await savedLists.change(profileId, owner, (list) => [
          ...list.filter((s) => s.authId !== authId),
          view,
        ])
        logger.info('sub-account created', { parent, authId })
        return { subAccount: view, tokenKeeping: await deps.tokens.keeping(profileId) }
      })
    },

    async update(
      owner: SubAccountOwner,
      authId: string,
      patch: { name?: string; enabled?: boolean },
    ) {
      return withParent(owner, async ({ profileId, parent, client }) => {
        const updated = await client.updateSubAccount(parent, authId, patch)
        const view = toSubAccountView(updated, (await deps.tokens.get(profileId, authId)) !== null)
        await savedLists.change(profileId, owner, (list) =>
          list.map((s) => (s.authId === authId ? view : s)),
        )
        logger.info('sub-account updated', { parent, authId, fields: Object.keys(patch) })
        return view
      })
    },

    /** Permanent: Vobiz removes it and its credentials; so does this computer. */
    async remove(owner: SubAccountOwner, authId: string): Promise<{ deleted: true }> {
      return withParent(owner, async ({ profileId, parent, client }) => {
        try {
          await client.deleteSubAccount(parent, authId)
        } catch (error) {
          if (error instanceof AppFailure && error.appError.kind === 'not_found') {
            await savedLists.change(profileId, owner, (list) =>
              list.filter((s) => s.authId !== authId),
            )
            fail(
              appError.notFound(
                `Vobiz has no sub-account ${authId} under this account: it may have been deleted already.`,
              ),
            )
          }
          throw error
        }
        await deps.tokens.remove(profileId, authId)
        await savedLists.change(profileId, owner, (list) => list.filter((s) => s.authId !== authId))
        logger.info('sub-account deleted', { parent, authId })
        return { deleted: true as const }
      })
    },

    async copy(authId: string, format: 'token' | 'env'): Promise<CopiedSecret> {
      const token = await tokenOf(authId)
      const text = format === 'env' ? envLine(authId, token) : token
      const { clearsAt } = await deps.guard.copySecret(text, credentialLabel(authId, format))
      logger.info('sub-account credential copied', { authId, format })
      return { clearsAt, source: 'stored' }
    },

    async reveal(authId: string): Promise<RevealedToken> {
      const token = await tokenOf(authId)
      logger.info('sub-account token revealed', { authId })
      return { token, hideAfterMs: REVEAL_MS }
    },

    /** Asks Vobiz whether the sub-account's own credentials are accepted now. */
    async verify(authId: string): Promise<{ accepted: boolean; message: string }> {
      const token = await tokenOf(authId)
      const { client } = await deps.session.accountClient({ authId, authToken: token })
      try {
        await client.getAccountObject(authId)
        return { accepted: true, message: 'Vobiz accepts these credentials.' }
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error
        const { kind } = error.appError
        if (kind === 'unauthorized' || kind === 'forbidden') {
          return {
            accepted: false,
            message:
              kind === 'forbidden'
                ? 'Vobiz refuses these credentials (403): the sub-account is disabled.'
                : 'Vobiz does not know these credentials (401): the sub-account or its token no longer exists.',
          }
        }
        throw error
      }
    },

    forget: (profileId: string) =>
      Promise.all([savedLists.remove(profileId), deps.tokens.forget(profileId)]),
  }
}
