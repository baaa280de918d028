import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react'
import {
  changedSinceSync,
  detailFromRow,
  type CustomerDetailReply,
} from '../../../../shared/customer-detail'
import type { CustomerRow } from '../../../../shared/customers'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { describeError } from '../../lib/error-messages'
import { absoluteTime, formatCount, readingAge } from '../../lib/format'
import { useModalDialog } from '../../lib/use-modal-dialog'
import { useNow } from '../../lib/use-now'
import { CustomerBalance } from '../balance/CustomerBalance'
import { CustomerLedger } from '../ledger/CustomerLedger'
import { CustomerSubAccounts } from '../subaccounts/CustomerSubAccounts'
import { CustomerNumbers } from '../numbers/CustomerNumbers'
import { CustomerKyc } from '../kyc/CustomerKyc'
import { CustomerCapacity } from '../capacity/CustomerCapacity'
import { CustomerUsage } from '../usage/CustomerUsage'
import { useNavigationStore } from '../../stores/navigation-store'
import { ClipboardToast } from '../../components/ClipboardToast'
import { CredentialsSection } from './CredentialsSection'
import { DetailSections } from './DetailSections'
import { useCustomerDetail, type DetailState } from './use-customer-detail'

export type DrawerProps = {
  /** The customer as the saved list has it: shown at once, before Vobiz answers. */
  row: CustomerRow
  /** Where it is in the current view (0-based) and how many the view holds. */
  position: number
  count: number
  offline: boolean
  onPrevious: () => void
  onNext: () => void
  onClose: () => void
}

function Freshness({ state, row }: { state: DetailState; row: CustomerRow }) {
  const now = useNow()
  if (state.status === 'loading') {
    return (
      <p className="drawer-freshness" role="status">
        <Spinner /> Showing the saved record; reading the latest from Vobiz…
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <p className="drawer-freshness is-warning" role="status">
        <Icon name="alert" /> {describeError(state.error).title} Showing the saved record.
      </p>
    )
  }
  const { reply } = state
  const when = reply.fetchedAt ? readingAge(reply.fetchedAt, now) : ''
  const title = reply.fetchedAt ? absoluteTime(reply.fetchedAt) : undefined
  if (reply.source !== 'network') {
    return (
      <p className="drawer-freshness is-stale" role="status" data-testid="drawer-stale">
        <span className="badge badge-warning">Stale</span>
        <span title={title}>
          {reply.source === 'saved'
            ? `Offline — the record saved on this computer ${when}.`
            : `Offline — only what the customer list synced ${when} holds; the rest shows once Vobiz can be reached.`}
        </span>
      </p>
    )
  }
  const changed = changedSinceSync(row, reply.detail)
  return (
    <p className="drawer-freshness" role="status" data-testid="drawer-fresh">
      <Icon name="check" />
      <span title={title}>Read from Vobiz {when}.</span>
      {changed.length > 0 && (
        <span className="drawer-updated" data-testid="drawer-updated">
          Updated since the last sync: {changed.join(', ')}.
        </span>
      )}
    </p>
  )
}

const detailOf = (state: DetailState): CustomerDetailReply | null =>
  state.status === 'done' ? state.reply : null

/**
 * One customer in a modal side drawer (the native <dialog>: the page behind is inert, Esc
 * closes; focus-trap keeps Tab inside). Previous and next walk the table's current view without closing.
 */
export function CustomerDrawer(props: DrawerProps) {
  const { row, position, count, offline, onPrevious, onNext, onClose } = props
  const dialog = useRef<HTMLDialogElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const titleId = useId()
  const state = useCustomerDetail(row.authId)
  const showCustomerCalls = useNavigationStore((s) => s.showCustomerCalls)
  const reply = detailOf(state)
  const detail = useMemo(() => reply?.detail ?? detailFromRow(row), [reply, row])

  useModalDialog(dialog)
  // showModal() focuses the first button (the previous-customer arrow): the name is read first.
  // Only on open: walking to the next customer leaves focus where it is.
  useEffect(() => heading.current?.focus(), [])

  const hasPrevious = position > 0
  const hasNext = position < count - 1

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'ArrowUp' && hasPrevious) {
      event.preventDefault()
      onPrevious()
    } else if (event.key === 'ArrowDown' && hasNext) {
      event.preventDefault()
      onNext()
    }
  }

  return (
    <dialog
      ref={dialog}
      className="drawer"
      aria-labelledby={titleId}
      data-testid="customer-drawer"
      onCancel={(event) => {
        // React hands a nested dialog's cancel up its component tree: only the drawer's own counts.
        if (event.target !== event.currentTarget) return
        // Esc: the panel closes the drawer (and puts focus back on the row).
        event.preventDefault()
        onClose()
      }}
      onKeyDown={onKeyDown}
    >
      <header className="drawer-header">
        <div className="drawer-title">
          <h2 ref={heading} id={titleId} className="drawer-name" tabIndex={-1}>
            {detail.name}
          </h2>
          <p className="drawer-company">{detail.company ?? 'No company'}</p>
        </div>
        <nav className="drawer-nav" aria-label="Customer navigation">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-disabled={!hasPrevious || undefined}
            aria-keyshortcuts="Alt+ArrowUp"
            onClick={() => hasPrevious && onPrevious()}
          >
            <Icon name="arrowUp" />
            <span className="visually-hidden">Previous customer</span>
          </button>
          <span className="drawer-position">
            {formatCount(position + 1)} of {formatCount(count)}
          </span>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-disabled={!hasNext || undefined}
            aria-keyshortcuts="Alt+ArrowDown"
            onClick={() => hasNext && onNext()}
          >
            <Icon name="arrowDown" />
            <span className="visually-hidden">Next customer</span>
          </button>
        </nav>
        <button type="button" className="button button-ghost button-small" onClick={onClose}>
          <Icon name="cross" />
          <span className="visually-hidden">Close customer details</span>
        </button>
      </header>
      <div className="drawer-body">
        <Freshness state={state} row={row} />
        <CustomerBalance
          key={`balance-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          saved={row.balance}
          currency={row.currency}
          offline={offline}
        />
        <CredentialsSection
          key={`credentials-${row.authId}`}
          authId={row.authId}
          token={reply?.token ?? null}
          offline={offline}
        />
        <CustomerLedger
          key={`ledger-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          offline={offline}
        />
        <CustomerUsage
          key={`usage-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          offline={offline}
          onShowCalls={() => {
            showCustomerCalls({ authId: row.authId, name: detail.name })
            onClose()
          }}
        />
        <CustomerNumbers
          key={`numbers-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          offline={offline}
        />
        <CustomerSubAccounts
          key={`subaccounts-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          offline={offline}
        />
        <CustomerKyc
          key={`kyc-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          email={detail.email}
          offline={offline}
        />
        <CustomerCapacity
          key={`capacity-${row.authId}`}
          authId={row.authId}
          name={detail.name}
          offline={offline}
        />
        <DetailSections detail={detail} />
      </div>
      <ClipboardToast />
    </dialog>
  )
}
