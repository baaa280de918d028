import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { TransferResult } from '../../../../shared/balance'
import { compareMoney, moneyToDecimalString, parseMoney } from '../../../../shared/money'
import { checkAmount } from '../../../../shared/transfer-amount'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DialogFrame } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatBalance } from '../../lib/format'
import { useTransfersStore } from '../../stores/transfers-store'
import { usePartnerFunds } from './use-partner-funds'

export type TopUpCustomer = {
  authId: string
  name: string
  /** The customer's balance as last shown, for "after". */
  balance: string | null
  /** False when it is the saved list's (Vobiz has not answered yet): labelled as such. */
  balanceRead: boolean
}

type Step =
  | { step: 'form'; amountError?: string; notice?: string }
  | { step: 'confirm' }
  | { step: 'sending' }
  | { step: 'done'; result: TransferResult }
  | { step: 'failed'; error: AppError }
  | { step: 'unknown'; error: AppError; checking: boolean }

/** `balance` with `amount` added (+1) or taken (−1), exactly; null when either is unknown. */
function moved(balance: string | null, amount: string, sign: 1n | -1n): string | null {
  const from = parseMoney(balance)
  const by = parseMoney(amount)
  return from && by ? moneyToDecimalString({ units: from.units + sign * by.units }) : null
}

/**
 * Moves money from the partner's wallet to one customer's: amount (exact decimal text) and an
 * optional note, then a confirmation with both balances before and after, then the outcome.
 * Main sends it once; a lost reply is resolved from the ledger before anything is offered again.
 */
export function TopUpDialog({
  customer,
  onClose,
}: {
  customer: TopUpCustomer
  onClose: () => void
}) {
  const amountInput = useRef<HTMLInputElement>(null)
  const stepHeading = useRef<HTMLHeadingElement>(null)
  const funds = usePartnerFunds()
  const applied = useTransfersStore((s) => s.applied)
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [state, setState] = useState<Step>({ step: 'form' })
  const currency = funds?.currency ?? null

  useEffect(() => {
    if (state.step === 'form') amountInput.current?.focus()
    else stepHeading.current?.focus()
  }, [state.step])

  const amountText = (() => {
    const checked = checkAmount(amount)
    return checked.ok ? moneyToDecimalString(checked.money) : null
  })()

  function review(event: FormEvent) {
    event.preventDefault()
    const checked = checkAmount(amount)
    if (!checked.ok) return setState({ step: 'form', amountError: checked.message })
    const available = parseMoney(funds?.balance ?? null)
    if (available && compareMoney(available, checked.money) < 0) {
      return setState({
        step: 'form',
        amountError: `More than the partner wallet holds (${formatBalance(funds?.balance ?? null, currency)}).`,
      })
    }
    setState({ step: 'confirm' })
  }

  function finished(result: TransferResult) {
    applied(result)
    setState({ step: 'done', result })
  }

  async function send() {
    setState({ step: 'sending' })
    const reply = await ipc.invoke('transfers:create', {
      authId: customer.authId,
      amount,
      ...(note.trim() ? { note: note.trim() } : {}),
    })
    if (reply.ok) return finished(reply.value)
    const { error } = reply
    // Vobiz's 400s on a transfer are about the amount (the wallet does not cover it): at the field.
    if (error.kind === 'validation') {
      return setState({ step: 'form', amountError: error.fields?.amount ?? error.message })
    }
    if (error.kind === 'unknown_outcome')
      return setState({ step: 'unknown', error, checking: false })
    setState({ step: 'failed', error })
  }

  async function check() {
    if (state.step !== 'unknown') return
    setState({ ...state, checking: true })
    const reply = await ipc.invoke('transfers:check', { authId: customer.authId })
    if (!reply.ok) return setState({ step: 'unknown', error: reply.error, checking: false })
    if (reply.value.applied) return finished(reply.value.applied)
    setState({
      step: 'form',
      notice: reply.value.known
        ? 'The transfer is not in the customer’s ledger: it was not applied. You can send it again.'
        : 'Partner Desk has no transfer to this customer waiting to be checked (it may have restarted). Look for the reference in the customer’s Transactions before sending again.',
    })
  }

  const busy = state.step === 'sending' || (state.step === 'unknown' && state.checking)
  const partnerAfter = amountText ? moved(funds?.balance ?? null, amountText, -1n) : null
  const customerAfter = amountText ? moved(customer.balance, amountText, 1n) : null

  return (
    // Nothing may close the dialog while money is moving. Closing while unknown is safe: main
    // refuses another transfer until it is checked.
    <DialogFrame
      title={`Top up ${customer.name}`}
      testId="top-up-dialog"
      busy={busy}
      onClose={onClose}
      closeLabel="Close top-up"
      className="top-up"
    >
      {state.step === 'form' && (
        <form className="form-dialog-form" noValidate onSubmit={review}>
          <div className="form-dialog-body">
            {state.notice && (
              <p className="banner banner-info" role="status">
                <Icon name="info" className="banner-icon" />
                <span className="banner-text">{state.notice}</span>
              </p>
            )}
            <p className="top-up-from">
              From the partner wallet:{' '}
              <strong className="money" data-testid="top-up-partner-balance">
                {formatBalance(funds?.balance ?? null, currency)}
              </strong>
            </p>
            <TextField
              label={`Amount${currency ? ` (${currency})` : ''}`}
              hint="Digits, with up to 5 decimals: 500 or 250.50."
              inputRef={amountInput}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              required
              value={amount}
              error={state.amountError}
              onChange={(event) => {
                setAmount(event.target.value)
                if (state.amountError) setState({ step: 'form' })
              }}
            />
            <TextField
              label="Note"
              hint="Recorded in both ledgers, with a reference Partner Desk adds."
              optional
              maxLength={200}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <footer className="form-dialog-actions">
            <button type="button" className="button button-ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              Review transfer
            </button>
          </footer>
        </form>
      )}

      {(state.step === 'confirm' || state.step === 'sending') && amountText && (
        <>
          <div className="form-dialog-body">
            <h3 ref={stepHeading} tabIndex={-1} className="top-up-step">
              Confirm the transfer
            </h3>
            <dl className="top-up-summary" data-testid="top-up-summary">
              <div>
                <dt>To</dt>
                <dd>
                  {customer.name} <span className="mono">{customer.authId}</span>
                </dd>
              </div>
              <div>
                <dt>Amount</dt>
                <dd className="money top-up-amount">{formatBalance(amountText, currency)}</dd>
              </div>
              <div>
                <dt>Partner wallet</dt>
                <dd className="money">
                  {formatBalance(funds?.balance ?? null, currency)} →{' '}
                  <strong>{formatBalance(partnerAfter, currency)}</strong>
                </dd>
              </div>
              <div>
                <dt>
                  Customer balance
                  {!customer.balanceRead && (
                    <span className="top-up-stale"> (as last synced; may be out of date)</span>
                  )}
                </dt>
                <dd className="money">
                  {formatBalance(customer.balance, currency)} →{' '}
                  <strong>{formatBalance(customerAfter, currency)}</strong>
                </dd>
              </div>
              {note.trim() && (
                <div>
                  <dt>Note</dt>
                  <dd>{note.trim()}</dd>
                </div>
              )}
            </dl>
            <p className="banner banner-warning top-up-warning">
              <Icon name="alert" className="banner-icon" />
              <span className="banner-text">
                A transfer is permanent: Vobiz cannot reverse it. Check the customer and the amount.
              </span>
            </p>
          </div>
          <footer className="form-dialog-actions">
            <button
              type="button"
              className="button button-ghost"
              disabled={busy}
              onClick={() => setState({ step: 'form' })}
            >
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void send()}
            >
              {busy ? <Spinner /> : null}
              {busy ? 'Transferring…' : `Transfer ${formatBalance(amountText, currency)}`}
            </button>
          </footer>
        </>
      )}

      {state.step === 'done' && (
        <>
          <div className="form-dialog-body" data-testid="top-up-done">
            <h3 ref={stepHeading} tabIndex={-1} className="top-up-step is-success">
              <Icon name="check" /> {formatBalance(state.result.amount, state.result.currency)}{' '}
              moved to {customer.name}
            </h3>
            {state.result.recovered && (
              <p className="top-up-recovered">
                The reply was lost on the way back. Partner Desk found the transfer in the
                customer’s ledger: it was applied once.
              </p>
            )}
            <dl className="top-up-summary">
              <div>
                <dt>Partner wallet now</dt>
                <dd className="money">
                  {formatBalance(state.result.partnerBalanceAfter, state.result.currency)}
                </dd>
              </div>
              <div>
                <dt>Customer balance now</dt>
                <dd className="money">
                  {formatBalance(state.result.customerBalanceAfter, state.result.currency)}
                </dd>
              </div>
              <div>
                <dt>Reference</dt>
                <dd className="mono">{state.result.reference}</dd>
              </div>
            </dl>
          </div>
          <footer className="form-dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </footer>
        </>
      )}

      {state.step === 'failed' && (
        <>
          <div className="form-dialog-body">
            <h3 ref={stepHeading} tabIndex={-1} className="top-up-step">
              The transfer was not made
            </h3>
            <ErrorAlert text={describeError(state.error)} />
          </div>
          <footer className="form-dialog-actions">
            <button type="button" className="button button-ghost" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setState({ step: 'form' })}
            >
              Back to the form
            </button>
          </footer>
        </>
      )}

      {state.step === 'unknown' && (
        <>
          <div className="form-dialog-body">
            <h3 ref={stepHeading} tabIndex={-1} className="top-up-step">
              Was the transfer applied?
            </h3>
            <ErrorAlert text={describeError(state.error)} />
            <p>
              Partner Desk will not send another transfer to this customer until it has checked the
              customer’s ledger. You can close this and check later from Top up.
            </p>
          </div>
          <footer className="form-dialog-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={state.checking}
              onClick={() => void check()}
            >
              {state.checking ? <Spinner /> : null}
              Check again
            </button>
          </footer>
        </>
      )}
    </DialogFrame>
  )
}
