import { useState } from 'react'
import { Icon } from '../../components/Icon'
import { formatCount } from '../../lib/format'
import { BulkTopUpDialog, type BulkSource } from './BulkTopUpDialog'
import type { SelectedCustomer } from './BulkChoose'
import { isUnfinished, useBulkBatch } from './use-bulk-batch'

/**
 * "Top up selected…" and "Import CSV…", and a notice while the last batch is running or was
 * interrupted (it opens on its resume step). `blocked` says why no top-up can be made now.
 */
export function BulkTopUpLauncher({
  selected,
  blocked,
  onClosed,
}: {
  selected: readonly SelectedCustomer[]
  blocked: string | null
  onClosed: () => void
}) {
  const { batch } = useBulkBatch()
  const [open, setOpen] = useState<BulkSource | null>(null)
  const noSelection = selected.length === 0
  const reason = blocked ?? (noSelection ? 'Select customers in the list first.' : null)
  return (
    <>
      <div className="bulk-launcher">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-disabled={reason !== null || undefined}
          aria-describedby={reason ? 'bulk-launch-reason' : undefined}
          onClick={() => reason === null && setOpen({ kind: 'selection', customers: selected })}
        >
          Top up selected…{!noSelection && ` (${formatCount(selected.length)})`}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-disabled={blocked !== null || undefined}
          onClick={() => blocked === null && setOpen({ kind: 'csv' })}
        >
          <Icon name="plus" />
          Import CSV…
        </button>
        {reason && (
          <span id="bulk-launch-reason" className="top-up-reason">
            {reason}
          </span>
        )}
      </div>
      {isUnfinished(batch) && (
        <p className="banner banner-info" role="status" data-testid="bulk-unfinished">
          <Icon name="info" className="banner-icon" />
          <span className="banner-text">
            {batch?.status === 'running'
              ? 'A bulk top-up is running.'
              : 'A bulk top-up did not finish: rows whose outcome is unknown are checked before anything else is sent.'}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setOpen({ kind: 'batch' })}
          >
            Show the batch
          </button>
        </p>
      )}
      {open && (
        <BulkTopUpDialog
          source={open}
          onClose={() => {
            setOpen(null)
            onClosed()
          }}
        />
      )}
    </>
  )
}
