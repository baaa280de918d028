import { useState } from 'react'
import { BULK_MAX_ROWS } from '../../../../shared/bulk-top-up'
import { formatCount } from '../../lib/format'
import { BulkTopUpDialog } from '../bulk-top-up/BulkTopUpDialog'
import type { SelectedCustomer } from '../bulk-top-up/BulkChoose'
import { topUpBlockedReason, usePartnerFunds } from '../top-up/use-partner-funds'

/**
 * "Top up N shown…": a bulk top-up of the customers a search or filter shows (for example every
 * low-balance customer), through the same dry run and single confirmation as the watchlist's.
 * The reason it cannot run is the button's tooltip and description.
 */
export function TopUpShown({
  count,
  offline,
  customers,
}: {
  count: number
  offline: boolean
  /** The customers shown, read when the dialog opens. */
  customers: () => SelectedCustomer[]
}) {
  const funds = usePartnerFunds()
  const [open, setOpen] = useState<readonly SelectedCustomer[] | null>(null)
  const reason =
    topUpBlockedReason(funds, offline, null) ??
    (count === 0
      ? 'No customer is shown.'
      : count > BULK_MAX_ROWS
        ? `At most ${formatCount(BULK_MAX_ROWS)} customers in one bulk top-up: narrow the list first.`
        : null)
  return (
    <>
      <button
        type="button"
        className={`button button-secondary button-small${reason ? ' is-unavailable' : ''}`}
        aria-disabled={reason ? true : undefined}
        aria-describedby={reason ? 'top-up-shown-reason' : undefined}
        title={reason ?? undefined}
        onClick={() => reason === null && setOpen(customers())}
      >
        Top up {formatCount(count)} shown…
      </button>
      {reason && (
        <span id="top-up-shown-reason" className="visually-hidden">
          {reason}
        </span>
      )}
      {open && (
        <BulkTopUpDialog
          source={{ kind: 'selection', customers: open }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  )
}
