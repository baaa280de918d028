import { appError, fail } from '../../../shared/app-error'
import { detailFromRow, type CustomerDetailReply } from '../../../shared/customer-detail'
import type { CustomerRow } from '../../../shared/customers'
import type { CustomerAccount } from '../../../shared/vobiz'
import { toCustomerDetail } from './customer-detail-view'
import type { CustomerDetailsCache } from './customer-details-cache'
import { isUsableToken, type CustomerTokens } from './customer-tokens'
import type { Clock } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'
import { isUnreached } from '../vobiz/vobiz-errors'

export type CustomerDetailsDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  customers: {
    cachedRow(authId: string): Promise<{ row: CustomerRow; syncedAt: string | null } | null>
  }
  tokens: CustomerTokens
  details: CustomerDetailsCache
  clock: Clock
}

export type CustomerDetailsService = ReturnType<typeof createCustomerDetailsService>

/**
 * One customer's full record for the drawer: fresh from Vobiz, or — when Vobiz cannot be
 * reached — the last record read on this computer, or what the saved list knows. Each read also
 * keeps the customer's token (encrypted, see customer-tokens.ts) and the token-free record.
 */
export function createCustomerDetailsService(deps: CustomerDetailsDeps) {
  const { tokens, details } = deps

  /** GET /partner/accounts/{auth_id}, keeping what it brought. */
  async function read(profileId: string, client: VobizClient, authId: string) {
    const account: CustomerAccount = await client.getAccount(authId)
    const detail = toCustomerDetail(account)
    const fetchedAt = new Date(deps.clock.now()).toISOString()
    await Promise.all([
      tokens.put(profileId, [[account.auth_id, account.auth_token]]),
      details.put(profileId, detail, fetchedAt),
    ])
    return { account, detail, fetchedAt }
  }

  async function tokenState(profileId: string, authId: string) {
    const [stored, keeping] = await Promise.all([
      tokens.get(profileId, authId),
      tokens.keeping(profileId),
    ])
    return { available: stored !== null, keeping }
  }

  return {
    async detail(authId: string): Promise<CustomerDetailReply> {
      const { profileId, client } = await deps.session.activeClient()
      try {
        const { detail, fetchedAt } = await read(profileId, client, authId)
        return { detail, source: 'network', fetchedAt, token: await tokenState(profileId, authId) }
      } catch (error) {
        if (!isUnreached(error)) throw error
        const token = await tokenState(profileId, authId)
        const saved = await details.get(profileId, authId)
        if (saved)
          return { detail: saved.detail, source: 'saved', fetchedAt: saved.fetchedAt, token }
        const cached = await deps.customers.cachedRow(authId)
        if (cached) {
          return {
            detail: detailFromRow(cached.row),
            source: 'list',
            fetchedAt: cached.syncedAt,
            token,
          }
        }
        throw error
      }
    },

    /**
     * The customer's token: the one kept on this computer, else read from Vobiz now. Never
     * reaches the renderer except through `credentials:reveal`.
     */
    async token(authId: string): Promise<{ token: string; source: 'stored' | 'network' }> {
      const { profileId, client } = await deps.session.activeClient()
      const stored = await tokens.get(profileId, authId)
      if (stored) return { token: stored, source: 'stored' }
      let account: CustomerAccount
      try {
        account = (await read(profileId, client, authId)).account
      } catch (error) {
        if (!isUnreached(error)) throw error
        const keeping = await tokens.keeping(profileId)
        return fail(
          appError.offline(
            keeping === 'encrypted'
              ? "This customer's Auth Token has not been saved on this computer yet, and Vobiz cannot be reached. Copy it once you are online."
              : 'Without a system keyring, customer tokens are not saved on this computer, so copying needs a connection to Vobiz.',
          ),
        )
      }
      if (!isUsableToken(account.auth_token)) {
        return fail(appError.notFound('Vobiz did not return an Auth Token for this customer.'))
      }
      return { token: account.auth_token, source: 'network' }
    },
  }
}
