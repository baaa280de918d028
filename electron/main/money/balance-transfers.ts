import { randomBytes } from 'node:crypto'
import { AppFailure, appError, fail } from '../../../shared/app-error'
import type { TransferResult } from '../../../shared/balance'
import type { Connectivity } from '../../../shared/customers'
import type { PartnerView } from '../../../shared/ipc-contract'
import {
  compareMoney,
  exactDecimal,
  moneyToDecimalString,
  parseMoney,
  type Money,
} from '../../../shared/money'
import { checkAmount } from '../../../shared/transfer-amount'
import type { TransactionRow, TransferReply } from '../../../shared/vobiz'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'

export type BalanceTransfersDeps = {
  session: {
    activeClient(): Promise<{ profileId: string; client: VobizClient }>
    partner(): Promise<PartnerView | null>
    refreshPartner(): Promise<unknown>
  }
  connectivity: { state(): Connectivity }
  logger: Logger
  clock: Clock
  /** A new unique reference (tests may fix it). */
  reference?: () => string
  /** How long to wait after a lost reply before looking in the ledger (tests: shorter). */
  lookupDelayMs?: number
  /** The customer's wallet currency (null when unknown). */
  customerCurrency?: (authId: string) => Promise<string | null>
  /** Every outcome as it becomes known: sent and applied, lost, then found or not. */
  onOutcome?: (outcome: TransferOutcome) => void
}

export type TransferOutcome = {
  profileId: string
  reference: string
  authId: string
  /** Exact 5-decimal string. */
  amount: string
  currency: string
  /** When it was sent (ISO). */
  at: string
  outcome: 'applied' | 'recovered' | 'not-applied' | 'unknown'
  result: TransferResult | null
}

export type BalanceTransfers = ReturnType<typeof createBalanceTransfers>

/** The amount typed, exactly (see checkAmount), or a validation failure naming the field. */
export function parseAmount(text: string): Money {
  const checked = checkAmount(text)
  if (!checked.ok) fail(appError.validation(checked.message, { amount: checked.message }))
  return checked.money
}

/** The amount as a JSON number whose text is exactly the decimal (checked, never rounded). */
function exactNumber(money: Money): number {
  const text = moneyToDecimalString(money).replace(/\.?0+$/, '')
  const value = Number(text)
  if (String(value) !== text) fail(appError.validation('That amount cannot be sent exactly.'))
  return value
}

/** Ledger pages read at most when looking for a lost transfer (10,000 entries). */
const MAX_LOOKUP_PAGES = 100

const descriptionWith = (note: string | undefined, reference: string): string =>
  note?.trim()
    ? `${note.trim().slice(0, 200)} [${reference}]`
    : `Partner Desk top-up [${reference}]`

/**
 * A ledger row of this transfer: the reference is in its `description` (where the app writes it)
 * or its `reference` (should Vobiz copy it there); the docs say only that the transfer is found by
 * those two, not which one holds what.
 */
const carriesReference = (row: TransactionRow, reference: string): boolean =>
  [row.description, row.reference].some((text) => text?.includes(reference) === true)

/**
 * Balance transfers from the partner's wallet to a customer's, never applied twice. Each carries a
 * unique reference in its description; POST is never retried; when the reply is lost, the
 * customer's ledger is searched for the reference before anything is said, and a new transfer to
 * that customer is refused until the outcome is known.
 */
export function createBalanceTransfers(deps: BalanceTransfersDeps) {
  const newReference =
    deps.reference ?? (() => `PD-${randomBytes(6).toString('hex').toUpperCase()}`)
  /** Per customer: a transfer whose reply was lost and whose outcome is not known yet. */
  type Pending = {
    profileId: string
    reference: string
    amount: Money
    currency: string
    at: string
  }
  const unresolved = new Map<string, Pending>()
  /** Customers with a transfer on its way: a second one waits for its outcome. */
  const inFlight = new Set<string>()

  function report(
    authId: string,
    sent: Pending,
    outcome: TransferOutcome['outcome'],
    result: TransferResult | null,
  ): void {
    try {
      deps.onOutcome?.({
        profileId: sent.profileId,
        reference: sent.reference,
        authId,
        amount: moneyToDecimalString(sent.amount),
        currency: sent.currency,
        at: sent.at,
        outcome,
        result,
      })
    } catch (error) {
      deps.logger.warn('transfer outcome not recorded', { error })
    }
  }

  function result(
    authId: string,
    reply: TransferReply,
    reference: string,
    amount: Money,
    currency: string,
    recovered: boolean,
  ): TransferResult {
    return {
      transactionId: reply.transaction_id ?? null,
      authId,
      amount: moneyToDecimalString(amount),
      currency: reply.currency ?? currency,
      reference,
      partnerBalanceAfter: exactDecimal(reply.partner_balance_after),
      customerBalanceAfter: exactDecimal(reply.customer_balance_after),
      recovered,
    }
  }

  /**
   * The customer's ledger, newest first, page after page (a busy wallet's usage can push the
   * transfer past the first page): the leg with this reference, if any. It stops at entries from
   * well before the transfer was sent (two days, as clocks and days may not agree).
   */
  async function findInLedger(client: VobizClient, authId: string, sent: Pending) {
    const cutoff = Date.parse(sent.at) - 2 * 86_400_000
    for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
      const reply = await client.listTransactions(authId, { page, perPage: 100 })
      const found = reply.transactions.find((row) => carriesReference(row, sent.reference))
      if (found) return found
      const last = reply.transactions.at(-1)
      const oldest = Date.parse(last?.processed_at ?? last?.created_at ?? '')
      if (reply.transactions.length === 0 || page * 100 >= reply.total) return null
      if (!Number.isNaN(oldest) && oldest < cutoff) return null
    }
    return null
  }

  async function resolve(authId: string): Promise<TransferResult | null> {
    const pending = unresolved.get(authId)
    if (!pending) return null
    const { profileId, client } = await deps.session.activeClient()
    if (profileId !== pending.profileId) {
      fail(
        appError.validation(
          'That transfer was sent from another profile: switch back to it to check.',
        ),
      )
    }
    // A lost reply may mean the request is still being applied: give it a moment first.
    await new Promise((done) => setTimeout(done, deps.lookupDelayMs ?? 1500))
    const found = await findInLedger(client, authId, pending)
    unresolved.delete(authId)
    if (!found) {
      report(authId, pending, 'not-applied', null)
      return null
    }
    deps.session.refreshPartner().catch(() => undefined)
    const recovered = result(
      authId,
      {
        transaction_id: found.id ?? found.transaction_id ?? null,
        amount: found.amount ?? null,
        currency: found.currency,
      },
      pending.reference,
      pending.amount,
      pending.currency,
      true,
    )
    report(authId, pending, 'recovered', recovered)
    return recovered
  }

  return {
    async transfer(request: {
      authId: string
      amount: string
      note?: string
    }): Promise<TransferResult> {
      const { authId } = request
      if (inFlight.has(authId)) {
        fail(
          appError.unknownOutcome(
            'A transfer to this customer is still on its way. Wait for its outcome before sending another.',
          ),
        )
      }
      inFlight.add(authId)
      try {
        return await send(request)
      } finally {
        inFlight.delete(authId)
      }
    },

    /** After a lost reply: was it applied? Resolves the customer's pending transfer either way. */
    async check(authId: string): Promise<{ applied: TransferResult | null; known: boolean }> {
      const known = unresolved.has(authId)
      return { applied: await resolve(authId), known }
    },
  }

  async function send(request: {
    authId: string
    amount: string
    note?: string
  }): Promise<TransferResult> {
    const { authId } = request
    const amount = parseAmount(request.amount)
    const partner = await deps.session.partner()
    if (partner && !partner.permissions.transferBalance) {
      fail(
        appError.forbidden(
          'This partner account may not transfer balance (can_transfer_balance is off).',
        ),
      )
    }
    if (unresolved.has(authId)) {
      fail(
        appError.unknownOutcome(
          'The last transfer to this customer lost its reply. Check it before sending another.',
        ),
      )
    }
    if (deps.connectivity.state().online === false) {
      fail(appError.offline('A transfer needs a connection to Vobiz.'))
    }
    const wallet = (await deps.customerCurrency?.(authId)) ?? null
    // The partner's currency (from /me or the dashboard); else the wallet's own, from the balance
    // reply: a transfer must be in the partner's currency, and Vobiz refuses a mismatch (400).
    const currency = partner?.currency ?? wallet
    if (!currency) {
      fail(
        appError.validation(
          'Neither the partner nor this customer says which currency its wallet is in: refresh and try again.',
        ),
      )
    }
    if (wallet && wallet !== currency) {
      fail(
        appError.validation(
          `This customer's wallet is in ${wallet}; transfers are made in the partner's currency, ${currency}.`,
        ),
      )
    }
    const available = parseMoney(partner?.balance ?? null)
    if (available && compareMoney(available, amount) < 0) {
      fail(
        appError.validation('The partner balance does not cover this amount.', {
          amount: 'More than the partner balance.',
        }),
      )
    }
    const { profileId, client } = await deps.session.activeClient()
    const sent: Pending = {
      profileId,
      reference: newReference(),
      amount,
      currency,
      at: new Date(deps.clock.now()).toISOString(),
    }
    const { reference } = sent
    try {
      const reply = await client.transferBalance(authId, {
        amount: exactNumber(amount),
        currency,
        description: descriptionWith(request.note, reference),
      })
      deps.logger.info('balance transferred', { authId, reference })
      deps.session.refreshPartner().catch(() => undefined)
      const applied = result(authId, reply, reference, amount, currency, false)
      report(authId, sent, 'applied', applied)
      return applied
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error
      if (error.appError.kind === 'validation') {
        // Refused (most often the wallet no longer covers it): the wallet shown is read again.
        deps.session.refreshPartner().catch(() => undefined)
      }
      if (error.appError.kind !== 'unknown_outcome') throw error
      unresolved.set(authId, sent)
      report(authId, sent, 'unknown', null)
      deps.logger.warn('transfer reply lost; looking for its reference', { authId, reference })
      const found = await resolve(authId).catch(() => undefined)
      if (found) return found
      if (found === null) {
        fail(
          appError.offline(
            'The connection was lost and the transfer is not in the customer’s ledger: it was not applied. You can send it again.',
          ),
        )
      }
      fail(
        appError.unknownOutcome(
          `The reply was lost and Partner Desk could not read the ledger to check. Check again before sending another transfer (reference ${reference}).`,
        ),
      )
    }
  }
}
