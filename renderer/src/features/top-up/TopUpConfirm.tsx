import type { RefObject } from 'react'
import { formatMoney } from '../../../../shared/money-format'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import type { TopUpCustomer } from './TopUpDialog'
import { moved } from './top-up-state'

/**
 * Both balances before → after, each "after" computed exactly from the figure shown before it
 * (the partner's: the balance store's current reading, the one the header shows).
 */
export function TopUpConfirm({
  customer,
  amount,
  note,
  partnerBalance,
  currency,
  sending,
  heading,
  onBack,
  onSend,
}: {
  customer: TopUpCustomer
  /** The amount as an exact decimal string. */
  amount: string
  note: string
  partnerBalance: string | null
  currency: string | null
  sending: boolean
  heading: RefObject<HTMLHeadingElement | null>
  onBack: () => void
  onSend: () => void
}) {
  const money = (value: string | null) => formatMoney(value, currency)
  return (
    <>
      <div className="form-dialog-body">
        <h3 ref={heading} tabIndex={-1} className="top-up-step">
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
            <dd className="money top-up-amount">{money(amount)}</dd>
          </div>
          <div>
            <dt>Partner wallet</dt>
            <dd className="money" data-testid="top-up-partner-move">
              {money(partnerBalance)} → <strong>{money(moved(partnerBalance, amount, -1n))}</strong>
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
              {money(customer.balance)} →{' '}
              <strong>{money(moved(customer.balance, amount, 1n))}</strong>
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
        <button type="button" className="button button-ghost" disabled={sending} onClick={onBack}>
          Back
        </button>
        <button type="button" className="button button-primary" disabled={sending} onClick={onSend}>
          {sending ? <Spinner /> : null}
          {sending ? 'Transferring…' : `Transfer ${money(amount)}`}
        </button>
      </footer>
    </>
  )
}
