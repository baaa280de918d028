import type { AppError } from '../../../../shared/app-error'
import type { TransferResult } from '../../../../shared/balance'
import { compareMoney, moneyToDecimalString, parseMoney } from '../../../../shared/money'
import { formatMoney } from '../../../../shared/money-format'
import type { Result } from '../../../../shared/result'
import { checkAmount } from '../../../../shared/transfer-amount'

export type TopUpStep =
  | { step: 'form'; amountError?: string; notice?: string }
  | { step: 'confirm' }
  | { step: 'sending' }
  | { step: 'done'; result: TransferResult }
  | { step: 'failed'; error: AppError }
  | { step: 'unknown'; error: AppError; checking: boolean }

export type TopUpState = { amount: string; note: string; at: TopUpStep }

export type TransferCheck = { applied: TransferResult | null; known: boolean }

export type TopUpEvent =
  | { type: 'amount'; value: string }
  | { type: 'note'; value: string }
  /** Review the form against the partner wallet as read now (exact decimal, null if unknown). */
  | { type: 'review'; available: string | null; currency: string | null }
  | { type: 'back' }
  | { type: 'send' }
  | { type: 'sent'; reply: Result<TransferResult> }
  | { type: 'check' }
  | { type: 'checked'; reply: Result<TransferCheck> }

export const INITIAL_TOP_UP: TopUpState = { amount: '', note: '', at: { step: 'form' } }

const NOT_APPLIED =
  'The transfer is not in the customer’s ledger: it was not applied. You can send it again.'
const NOT_WAITING =
  'Partner Desk has no transfer to this customer waiting to be checked (it may have restarted). Look for the reference in the customer’s Transactions before sending again.'

/**
 * The top-up dialog's steps: form → confirm → sending → done, failed, or unknown (the reply was
 * lost; checked against the ledger before anything is offered again). Pure: the dialog does the
 * IPC. Never twice: `send` only leaves a confirmation, and only a sending transfer takes a reply.
 */
export function topUpReducer(state: TopUpState, event: TopUpEvent): TopUpState {
  const { at } = state
  const to = (next: TopUpStep): TopUpState => ({ ...state, at: next })
  switch (event.type) {
    case 'amount':
      if (at.step !== 'form') return state
      // Typing clears the field's message (and the notice shown with it).
      return { ...state, amount: event.value, at: at.amountError ? { step: 'form' } : at }
    case 'note':
      return at.step === 'form' ? { ...state, note: event.value } : state
    case 'review': {
      if (at.step !== 'form') return state
      const checked = checkAmount(state.amount)
      if (!checked.ok) return to({ step: 'form', amountError: checked.message })
      const available = parseMoney(event.available)
      if (available && compareMoney(available, checked.money) < 0) {
        const holds = formatMoney(available, event.currency)
        return to({ step: 'form', amountError: `More than the partner wallet holds (${holds}).` })
      }
      return to({ step: 'confirm' })
    }
    case 'back':
      return at.step === 'confirm' || at.step === 'failed' ? to({ step: 'form' }) : state
    case 'send':
      return at.step === 'confirm' ? to({ step: 'sending' }) : state
    case 'sent': {
      if (at.step !== 'sending') return state
      const { reply } = event
      if (reply.ok) return to({ step: 'done', result: reply.value })
      const { error } = reply
      // Vobiz's 400s on a transfer are about the amount (the wallet does not cover it): at the field.
      if (error.kind === 'validation') {
        return to({ step: 'form', amountError: error.fields?.amount ?? error.message })
      }
      if (error.kind === 'unknown_outcome') return to({ step: 'unknown', error, checking: false })
      return to({ step: 'failed', error })
    }
    case 'check':
      return at.step === 'unknown' && !at.checking ? to({ ...at, checking: true }) : state
    case 'checked': {
      if (at.step !== 'unknown' || !at.checking) return state
      const { reply } = event
      if (!reply.ok) return to({ step: 'unknown', error: reply.error, checking: false })
      if (reply.value.applied) return to({ step: 'done', result: reply.value.applied })
      return to({ step: 'form', notice: reply.value.known ? NOT_APPLIED : NOT_WAITING })
    }
  }
}

/** The amount as typed, as its exact decimal string; null while it is not a valid amount. */
export function amountDecimal(state: TopUpState): string | null {
  const checked = checkAmount(state.amount)
  return checked.ok ? moneyToDecimalString(checked.money) : null
}

/** `balance` with `amount` added (+1) or taken (−1), exactly; null when either is unknown. */
export function moved(balance: string | null, amount: string, sign: 1n | -1n): string | null {
  const from = parseMoney(balance)
  const by = parseMoney(amount)
  return from && by ? moneyToDecimalString({ units: from.units + sign * by.units }) : null
}

/** Nothing may close the dialog while money is moving or being checked. */
export const isBusy = ({ at }: TopUpState): boolean =>
  at.step === 'sending' || (at.step === 'unknown' && at.checking)
