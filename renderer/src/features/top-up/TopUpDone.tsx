import type { RefObject } from 'react'
import type { TransferResult } from '../../../../shared/balance'
import { formatMoney } from '../../../../shared/money-format'
import { Icon } from '../../components/Icon'

/**
 * The outcome. The partner wallet shown is the balance store's current reading (the transfer's
 * reply enters it at once), so it is the figure the header shows at the same moment.
 */
export function TopUpDone({
  customerName,
  result,
  partnerBalance,
  partnerCurrency,
  heading,
  onClose,
}: {
  customerName: string
  result: TransferResult
  partnerBalance: string | null
  partnerCurrency: string | null
  heading: RefObject<HTMLHeadingElement | null>
  onClose: () => void
}) {
  return (
    <>
      <div className="form-dialog-body" data-testid="top-up-done">
        <h3 ref={heading} tabIndex={-1} className="top-up-step is-success">
          <Icon name="check" /> {formatMoney(result.amount, result.currency)} moved to{' '}
          {customerName}
        </h3>
        {result.recovered && (
          <p className="top-up-recovered">
            The reply was lost on the way back. Partner Desk found the transfer in the customer’s
            ledger: it was applied once.
          </p>
        )}
        <dl className="top-up-summary">
          <div>
            <dt>Partner wallet now</dt>
            <dd className="money" data-testid="top-up-partner-now">
              {formatMoney(partnerBalance, partnerCurrency)}
            </dd>
          </div>
          <div>
            <dt>Customer balance now</dt>
            <dd className="money">{formatMoney(result.customerBalanceAfter, result.currency)}</dd>
          </div>
          <div>
            <dt>Reference</dt>
            <dd className="mono">{result.reference}</dd>
          </div>
        </dl>
      </div>
      <footer className="form-dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </>
  )
}
