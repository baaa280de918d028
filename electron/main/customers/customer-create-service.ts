import { AppFailure, appError, fail, type AppError } from '../../../shared/app-error'
import type { Connectivity, CustomerRow } from '../../../shared/customers'
import type { PartnerView } from '../../../shared/ipc-contract'
import {
  EMPTY_DRAFT,
  checkDraft,
  type CreatedCustomer,
  type NewCustomer,
  type NewCustomerDraft,
} from '../../../shared/new-customer'
import type { CreatedAccount } from '../../../shared/vobiz'
import { toCustomerRow } from './customer-rows'
import type { CustomerTokens } from './customer-tokens'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import { createSendOnce, type LookedUp } from '../platform/send-once'
import type { VobizClient } from '../vobiz/vobiz-client'

export type CustomerCreateDeps = {
  session: {
    activeClient(): Promise<{ profileId: string; client: VobizClient }>
    /** The partner as last read (permissions and account counts). */
    partner(): Promise<PartnerView | null>
    /** Reads the partner again (a 401 there signs out); failures are the caller's to ignore. */
    refreshPartner(): Promise<unknown>
  }
  connectivity: { state(): Connectivity }
  customers: { addCreated(profileId: string, row: CustomerRow): Promise<void> }
  tokens: CustomerTokens
  logger: Logger
  clock: Clock
}

export type CustomerCreateService = ReturnType<typeof createCustomerCreateService>

const lower = (email: string) => email.trim().toLowerCase()
/** One create at a time, whatever the email. */
const CREATING = 'create'

/** Why the partner may not create a customer now, or null. */
export function createBlockedBy(partner: PartnerView | null): string | null {
  if (!partner) return null
  if (!partner.permissions.createAccounts) {
    return 'This partner account may not create customers (can_create_accounts is off). Vobiz support can enable it.'
  }
  const { accountCount, maxAccounts } = partner
  if (maxAccounts !== null && accountCount !== null && accountCount >= maxAccounts) {
    return `All ${maxAccounts} customer accounts of this partner are in use (max_accounts). Vobiz support can raise the limit.`
  }
  return null
}

/**
 * Create Customer Account, never twice. The request is checked with the same schema as the form;
 * POST is never retried; a reply lost after sending leaves the outcome unknown until the email is
 * looked up (the app refuses to send that email again until then). The token of a new customer is
 * kept like every customer token (customer-tokens.ts), and its row joins the list at once.
 */
export function createCustomerCreateService(deps: CustomerCreateDeps) {
  const { logger } = deps

  function validated(draft: Partial<NewCustomerDraft>): NewCustomer {
    const checked = checkDraft({ ...EMPTY_DRAFT, ...draft })
    if (!checked.ok) fail(appError.validation('Some fields need another look.', checked.errors))
    return checked.value
  }

  /** Keeps the token and adds the row; what the renderer is told. */
  async function adopt(
    profileId: string,
    account: { authId: string; name: string; email: string; token: string | null | undefined },
    row: CustomerRow,
    recovered: boolean,
  ): Promise<CreatedCustomer> {
    await deps.tokens.put(profileId, [[account.authId, account.token]])
    await deps.customers.addCreated(profileId, row)
    // The account count moved; the header follows.
    deps.session.refreshPartner().catch(() => undefined)
    return {
      authId: account.authId,
      name: account.name,
      email: account.email,
      recovered,
      keeping: await deps.tokens.keeping(profileId),
    }
  }

  function rowOf(created: CreatedAccount, body: NewCustomer): CustomerRow {
    return {
      authId: created.auth_id,
      name: created.name,
      company: body.company ?? null,
      email: created.email ?? body.email,
      phone: body.phone ?? null,
      balance: '0.00000',
      currency: created.currency ?? null,
      // New customers start with KYC pending (partner-customer-accounts.md, Response).
      kycStatus: 'pending',
      enabled: created.status ? created.status === 'active' : true,
      active: created.status ? created.status === 'active' : true,
      createdAt: created.created_at ?? new Date(deps.clock.now()).toISOString(),
    }
  }

  /** Looks the email up; the customer if it exists (its token read with GET /accounts/{id}). */
  async function lookUp(email: string): Promise<CreatedCustomer | null> {
    const { profileId, client } = await deps.session.activeClient()
    const page = await client.listAccounts({ page: 1, perPage: 100, search: email })
    const match = page.accounts.find((a) => a.email && lower(a.email) === lower(email))
    if (!match) return null
    const account = await client.getAccount(match.auth_id)
    const row = toCustomerRow(account)
    return adopt(
      profileId,
      {
        authId: account.auth_id,
        name: account.name,
        email: row.email ?? email,
        token: account.auth_token,
      },
      row,
      true,
    )
  }

  /** Keyed by the lowercased email; a lost create is looked up by the email as typed. */
  const sends = createSendOnce({
    lookUp,
    onLost: () => logger.warn('create reply lost; looking the email up'),
  })

  /** A lost reply as the user is told: the customer found, or why it cannot be said yet. */
  function afterLost(outcome: LookedUp<string, CreatedCustomer>): CreatedCustomer {
    if (outcome.kind === 'applied') return outcome.found
    if (outcome.kind === 'not-applied') {
      // Checked: nothing was applied, as when the request never got through.
      fail(
        appError.offline(
          'The connection was lost, and no customer with this email exists: it was not created. You can send it again.',
        ),
      )
    }
    return fail(
      appError.unknownOutcome(
        'Vobiz’s reply was lost and Partner Desk could not check whether the customer was created. Check again before sending it again.',
      ),
    )
  }

  /** An API refusal in the form's terms: field messages where the API named fields. */
  function explain(error: AppError, partner: PartnerView | null): AppError {
    if (error.kind === 'conflict') {
      return appError.validation('This email is already in use on Vobiz.', {
        email: 'This email is already in use on Vobiz. Use another one.',
      })
    }
    if (error.kind === 'validation') {
      const fields: Record<string, string> = {}
      for (const [field, message] of Object.entries(error.fields)) {
        fields[field] = field in EMPTY_DRAFT ? message : `Vobiz rejected “${field}”: ${message}`
      }
      const unsupported = Object.keys(error.fields).filter((f) => !(f in EMPTY_DRAFT))
      const message =
        unsupported.length > 0
          ? `Vobiz did not accept ${unsupported.map((f) => `“${f}”`).join(', ')}. Clear it and try again; it can be set later in the Vobiz Console.`
          : error.message
      return appError.validation(message, fields)
    }
    if (error.kind === 'forbidden') {
      return appError.forbidden(
        createBlockedBy(partner) ??
          'Vobiz refused to create this customer for your partner account (403): the partner may not create customers, or its max_accounts limit is reached.',
      )
    }
    return error
  }

  return {
    async create(draft: Partial<NewCustomerDraft>): Promise<CreatedCustomer> {
      const body = validated(draft)
      const blocked = createBlockedBy(await deps.session.partner())
      if (blocked) fail(appError.forbidden(blocked))
      const email = lower(body.email)
      if (sends.unresolved(email) !== undefined) {
        fail(
          appError.unknownOutcome(
            'The last try to create this customer lost its reply. Check whether it was created before sending it again.',
          ),
        )
      }
      if (deps.connectivity.state().online === false) {
        fail(appError.offline('Creating a customer needs a connection to Vobiz.'))
      }
      const busy = appError.conflict('A customer is being created already. Wait for it.')
      return sends.exclusive(CREATING, busy, async () => {
        let lost: LookedUp<string, CreatedCustomer>
        try {
          const { profileId, client } = await deps.session.activeClient()
          const sent = await sends.send(email, body.email, () => client.createAccount(body))
          if (sent.kind === 'replied') {
            const created = sent.reply
            logger.info('customer created', { authId: created.auth_id })
            return await adopt(
              profileId,
              {
                authId: created.auth_id,
                name: created.name,
                email: created.email ?? body.email,
                token: created.auth_token,
              },
              rowOf(created, body),
              false,
            )
          }
          lost = sent
        } catch (error) {
          if (!(error instanceof AppFailure)) throw error
          if (error.appError.kind === 'unauthorized')
            void deps.session.refreshPartner().catch(() => undefined)
          throw new AppFailure(explain(error.appError, await deps.session.partner()))
        }
        return afterLost(lost)
      })
    },

    /** After a lost reply: was it created? Resolves the email either way. */
    async checkCreated(email: string): Promise<{ created: CreatedCustomer | null }> {
      const outcome = await sends.check(lower(email), email)
      if (outcome?.kind === 'unchecked') throw outcome.error
      return { created: outcome?.kind === 'applied' ? outcome.found : null }
    },
  }
}
