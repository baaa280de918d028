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
import type { Clock, Scheduler } from '../platform/ports'
import { createSendOnce, type LookedUp } from '../platform/send-once'
import type { VobizClient } from '../vobiz/vobiz-client'
import { descriptionWith, findTransfer } from './transfer-reference'

export type BalanceTransfersDeps = {
  session: {
    activeClient(): Promise<{ profileId: string; client: VobizClient }>
    partner(): Promise<PartnerView | null>
    refreshPartner(): Promise<unknown>
  }
  connectivity: { state(): Connectivity }
  logger: Logger
  clock: Clock
  scheduler: Scheduler
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

/** `reference`: one chosen (and journaled) before the call; by default a new one. */
export type TransferRequest = { authId: string; amount: string; note?: string; reference?: string }

/** A new unique transfer reference. */
export const newTransferReference = (): string =>
  `PD-${randomBytes(6).toString('hex').toUpperCase()}`

/** A transfer as sent; kept per customer while its reply is lost and its outcome not known. */
type Sent = { profileId: string; reference: string; amount: Money; currency: string; at: string }

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

/**
 * Balance transfers from the partner's wallet to a customer's, never applied twice. Each carries a
 * unique reference in its description; POST is never retried; when the reply is lost, the
 * customer's ledger is searched for the reference before anything is said, and a new transfer to
 * that customer is refused until the outcome is known.
 */
export function createBalanceTransfers(deps: BalanceTransfersDeps) {
  const newReference = deps.reference ?? newTransferReference

  function report(
    authId: string,
    sent: Sent,
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
    sent: Sent,
    recovered: boolean,
  ): TransferResult {
    return {
      transactionId: reply.transaction_id ?? null,
      authId,
      amount: moneyToDecimalString(sent.amount),
      currency: reply.currency ?? sent.currency,
      reference: sent.reference,
      partnerBalanceAfter: exactDecimal(reply.partner_balance_after),
      customerBalanceAfter: exactDecimal(reply.customer_balance_after),
      recovered,
    }
  }

  /** Per customer (the key): one transfer on its way, and a lost one looked up in the ledger. */
  const sends = createSendOnce({
    async lookUp(sent: Sent, authId) {
      const { profileId, client } = await deps.session.activeClient()
      if (profileId !== sent.profileId) {
        fail(
          appError.validation(
            'That transfer was sent from another profile: switch back to it to check.',
          ),
        )
      }
      // A lost reply may mean the request is still being applied: give it a moment first.
      await new Promise<void>((done) => deps.scheduler.after(deps.lookupDelayMs ?? 1500, done))
      return findTransfer(client, authId, sent)
    },
    onLost(sent, authId) {
      report(authId, sent, 'unknown', null)
      const { reference } = sent
      deps.logger.warn('transfer reply lost; looking for its reference', { authId, reference })
    },
  })

  /** Reports what a lookup found: the transfer recovered from the ledger, or null if not applied. */
  function settled(
    authId: string,
    outcome: Exclude<LookedUp<Sent, TransactionRow>, { kind: 'unchecked' }>,
  ): TransferResult | null {
    const { sent } = outcome
    if (outcome.kind === 'not-applied') {
      report(authId, sent, 'not-applied', null)
      return null
    }
    deps.session.refreshPartner().catch(() => undefined)
    const { found } = outcome
    const recovered = result(
      authId,
      {
        transaction_id: found.id ?? found.transaction_id ?? null,
        amount: found.amount ?? null,
        currency: found.currency,
      },
      sent,
      true,
    )
    report(authId, sent, 'recovered', recovered)
    return recovered
  }

  return {
    transfer(request: TransferRequest): Promise<TransferResult> {
      const busy = appError.unknownOutcome(
        'A transfer to this customer is still on its way. Wait for its outcome before sending another.',
      )
      return sends.exclusive(request.authId, busy, () => send(request))
    },

    /**
     * After a lost reply: was it applied? Resolves the customer's pending transfer either way.
     * `journaled` names a send this process did not make (the app stopped before its outcome).
     */
    async check(
      authId: string,
      journaled?: Omit<Sent, 'amount'> & { amount: string },
    ): Promise<{ applied: TransferResult | null; known: boolean }> {
      const sent = journaled && { ...journaled, amount: parseAmount(journaled.amount) }
      const outcome = await (sent ? sends.check(authId, sent) : sends.check(authId))
      if (!outcome) return { applied: null, known: false }
      if (outcome.kind === 'unchecked') throw outcome.error
      return { applied: settled(authId, outcome), known: true }
    },
  }

  async function send(request: TransferRequest): Promise<TransferResult> {
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
    if (sends.unresolved(authId)) {
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
    const sent: Sent = {
      profileId,
      reference: request.reference ?? newReference(),
      amount,
      currency,
      at: new Date(deps.clock.now()).toISOString(),
    }
    const { reference } = sent
    let outcome
    try {
      outcome = await sends.send(authId, sent, () =>
        client.transferBalance(authId, {
          amount: exactNumber(amount),
          currency,
          description: descriptionWith(request.note, reference),
        }),
      )
    } catch (error) {
      if (error instanceof AppFailure && error.appError.kind === 'validation') {
        // Refused (most often the wallet no longer covers it): the wallet shown is read again.
        deps.session.refreshPartner().catch(() => undefined)
      }
      throw error
    }
    if (outcome.kind === 'replied') {
      deps.logger.info('balance transferred', { authId, reference })
      deps.session.refreshPartner().catch(() => undefined)
      const applied = result(authId, outcome.reply, sent, false)
      report(authId, sent, 'applied', applied)
      return applied
    }
    if (outcome.kind === 'unchecked') {
      fail(
        appError.unknownOutcome(
          `The reply was lost and Partner Desk could not read the ledger to check. Check again before sending another transfer (reference ${reference}).`,
        ),
      )
    }
    return (
      settled(authId, outcome) ??
      fail(
        appError.offline(
          'The connection was lost and the transfer is not in the customer’s ledger: it was not applied. You can send it again.',
        ),
      )
    )
  }
}
