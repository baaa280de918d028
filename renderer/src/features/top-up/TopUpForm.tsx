import type { FormEvent, RefObject } from 'react'
import { Icon } from '../../components/Icon'
import { TextField } from '../../components/TextField'
import type { TopUpEvent, TopUpState } from './top-up-state'

/** The amount (exact decimal text) and an optional note, against the partner wallet as read now. */
export function TopUpForm({
  state,
  notice,
  amountError,
  partnerBalance,
  currency,
  amountInput,
  dispatch,
  onReview,
  onCancel,
}: {
  state: TopUpState
  notice: string | undefined
  amountError: string | undefined
  /** The partner wallet as the header shows it now (formatted). */
  partnerBalance: string
  currency: string | null
  amountInput: RefObject<HTMLInputElement | null>
  dispatch: (event: TopUpEvent) => void
  onReview: () => void
  onCancel: () => void
}) {
  function review(event: FormEvent) {
    event.preventDefault()
    onReview()
  }
  return (
    <form className="form-dialog-form" noValidate onSubmit={review}>
      <div className="form-dialog-body">
        {notice && (
          <p className="banner banner-info" role="status">
            <Icon name="info" className="banner-icon" />
            <span className="banner-text">{notice}</span>
          </p>
        )}
        <p className="top-up-from">
          From the partner wallet:{' '}
          <strong className="money" data-testid="top-up-partner-balance">
            {partnerBalance}
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
          value={state.amount}
          error={amountError}
          onChange={(event) => dispatch({ type: 'amount', value: event.target.value })}
        />
        <TextField
          label="Note"
          hint="Recorded in both ledgers, with a reference Partner Desk adds."
          optional
          maxLength={200}
          value={state.note}
          onChange={(event) => dispatch({ type: 'note', value: event.target.value })}
        />
      </div>
      <footer className="form-dialog-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Review transfer
        </button>
      </footer>
    </form>
  )
}
