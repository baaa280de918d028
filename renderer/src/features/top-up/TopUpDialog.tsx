import { useEffect, useReducer, useRef } from 'react'
import { formatMoney } from '../../../../shared/money-format'
import { DialogFrame } from '../../components/FormDialog'
import { ipc } from '../../ipc/client'
import { useTransfersStore } from '../../stores/transfers-store'
import { TopUpConfirm } from './TopUpConfirm'
import { TopUpDone } from './TopUpDone'
import { TopUpForm } from './TopUpForm'
import { TopUpFailed, TopUpUnknown } from './TopUpTrouble'
import { INITIAL_TOP_UP, amountDecimal, isBusy, topUpReducer } from './top-up-state'
import { usePartnerFunds } from './use-partner-funds'

export type TopUpCustomer = {
  authId: string
  name: string
  /** The customer's balance as last shown, for "after". */
  balance: string | null
  /** False when it is the saved list's (Vobiz has not answered yet): labelled as such. */
  balanceRead: boolean
}

/**
 * Moves money from the partner's wallet to one customer's: amount (exact decimal text) and an
 * optional note, then a confirmation with both balances before and after, then the outcome.
 * Main sends it once; a lost reply is resolved from the ledger before anything is offered again.
 * The steps are top-up-state.ts's reducer; this component does the IPC and the focus.
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
  // One request at a time, even for two clicks before the next render.
  const inFlight = useRef(false)
  const funds = usePartnerFunds()
  const applied = useTransfersStore((s) => s.applied)
  const [state, dispatch] = useReducer(topUpReducer, INITIAL_TOP_UP)
  const { at } = state
  // The partner wallet everywhere in the dialog: the reading the header shows now.
  const partnerBalance = funds?.balance ?? null
  const currency = funds?.currency ?? null

  useEffect(() => {
    if (at.step === 'form') amountInput.current?.focus()
    else stepHeading.current?.focus()
  }, [at.step])

  async function send() {
    if (at.step !== 'confirm' || inFlight.current) return
    inFlight.current = true
    dispatch({ type: 'send' })
    const note = state.note.trim()
    const reply = await ipc.invoke('transfers:create', {
      authId: customer.authId,
      amount: state.amount,
      ...(note ? { note } : {}),
    })
    inFlight.current = false
    if (reply.ok) applied(reply.value)
    dispatch({ type: 'sent', reply })
  }

  async function check() {
    if (at.step !== 'unknown' || at.checking || inFlight.current) return
    inFlight.current = true
    dispatch({ type: 'check' })
    const reply = await ipc.invoke('transfers:check', { authId: customer.authId })
    inFlight.current = false
    if (reply.ok && reply.value.applied) applied(reply.value.applied)
    dispatch({ type: 'checked', reply })
  }

  const amount = amountDecimal(state)
  return (
    // Nothing may close the dialog while money is moving. Closing while unknown is safe: main
    // refuses another transfer until it is checked.
    <DialogFrame
      title={`Top up ${customer.name}`}
      testId="top-up-dialog"
      busy={isBusy(state)}
      onClose={onClose}
      closeLabel="Close top-up"
      className="top-up"
    >
      {at.step === 'form' && (
        <TopUpForm
          state={state}
          notice={at.notice}
          amountError={at.amountError}
          partnerBalance={formatMoney(partnerBalance, currency)}
          currency={currency}
          amountInput={amountInput}
          dispatch={dispatch}
          onReview={() => dispatch({ type: 'review', available: partnerBalance, currency })}
          onCancel={onClose}
        />
      )}
      {(at.step === 'confirm' || at.step === 'sending') && amount && (
        <TopUpConfirm
          customer={customer}
          amount={amount}
          note={state.note}
          partnerBalance={partnerBalance}
          currency={currency}
          sending={at.step === 'sending'}
          heading={stepHeading}
          onBack={() => dispatch({ type: 'back' })}
          onSend={() => void send()}
        />
      )}
      {at.step === 'done' && (
        <TopUpDone
          customerName={customer.name}
          result={at.result}
          partnerBalance={partnerBalance}
          partnerCurrency={currency}
          heading={stepHeading}
          onClose={onClose}
        />
      )}
      {at.step === 'failed' && (
        <TopUpFailed
          error={at.error}
          heading={stepHeading}
          onClose={onClose}
          onBack={() => dispatch({ type: 'back' })}
        />
      )}
      {at.step === 'unknown' && (
        <TopUpUnknown
          error={at.error}
          checking={at.checking}
          heading={stepHeading}
          onCheck={() => void check()}
        />
      )}
    </DialogFrame>
  )
}
