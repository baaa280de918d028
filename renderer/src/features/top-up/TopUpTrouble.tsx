import type { RefObject } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Spinner } from '../../components/Spinner'
import { describeError } from '../../lib/error-messages'

type Heading = RefObject<HTMLHeadingElement | null>

/** Vobiz refused the transfer: nothing moved; back to the form. */
export function TopUpFailed({
  error,
  heading,
  onClose,
  onBack,
}: {
  error: AppError
  heading: Heading
  onClose: () => void
  onBack: () => void
}) {
  return (
    <>
      <div className="form-dialog-body">
        <h3 ref={heading} tabIndex={-1} className="top-up-step">
          The transfer was not made
        </h3>
        <ErrorAlert text={describeError(error)} />
      </div>
      <footer className="form-dialog-actions">
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button button-primary" onClick={onBack}>
          Back to the form
        </button>
      </footer>
    </>
  )
}

/** The reply was lost: checked against the customer's ledger before anything is sent again. */
export function TopUpUnknown({
  error,
  checking,
  heading,
  onCheck,
}: {
  error: AppError
  checking: boolean
  heading: Heading
  onCheck: () => void
}) {
  return (
    <>
      <div className="form-dialog-body">
        <h3 ref={heading} tabIndex={-1} className="top-up-step">
          Was the transfer applied?
        </h3>
        <ErrorAlert text={describeError(error)} />
        <p>
          Partner Desk will not send another transfer to this customer until it has checked the
          customer’s ledger. You can close this and check later from Top up.
        </p>
      </div>
      <footer className="form-dialog-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={checking}
          onClick={onCheck}
        >
          {checking ? <Spinner /> : null}
          Check again
        </button>
      </footer>
    </>
  )
}
