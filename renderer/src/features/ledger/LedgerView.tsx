import { useState } from 'react'
import { ExportCsvButton, ExportStatus, useCsvExport } from '../../components/CsvExport'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { Pager } from '../../components/Pager'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'
import { LedgerFilters } from './LedgerFilters'
import { LedgerTable, type AccountNames } from './LedgerTable'
import {
  NO_LEDGER_FILTERS,
  datesOutOfOrder,
  filtersFor,
  useLedger,
  type LedgerFilterDraft,
} from './use-ledger'

const transactions = (count: number) =>
  `${formatCount(count)} ${count === 1 ? 'transaction' : 'transactions'}`

/**
 * A ledger with its filters, pages and CSV export: one customer's (`authId`), or the ledger
 * across all customers (with `accounts` to name each entry's accounts).
 */
export function LedgerView({
  authId,
  accounts,
  offline,
  label,
  compact = false,
}: {
  authId?: string
  accounts?: AccountNames
  offline: boolean
  /** What the table is, for assistive technology ("Transactions of Asha Rao"). */
  label: string
  /** In the drawer: the table fits its width (see LedgerTable). */
  compact?: boolean
}) {
  const [draft, setDraft] = useState<LedgerFilterDraft>(NO_LEDGER_FILTERS)
  const [page, setPage] = useState(1)
  const [perPage, setPerPage] = useState(25)
  const { data, loading, error } = useLedger(authId, draft, page, perPage, offline)
  const pages = data?.pages ?? 0
  const invalid = datesOutOfOrder(draft)

  const csv = useCsvExport(() => ipc.invoke('transactions:exportCsv', filtersFor(authId, draft)))
  const canExport = !offline && !invalid && (data?.total ?? 0) > 0
  return (
    <div className="ledger" data-testid={authId ? 'customer-ledger' : 'partner-ledger'}>
      <div className="ledger-toolbar">
        <LedgerFilters
          draft={draft}
          perPage={perPage}
          onChange={(next) => {
            setDraft(next)
            setPage(1)
          }}
          onPerPage={(next) => {
            setPerPage(next)
            setPage(1)
          }}
        />
        <ExportCsvButton saving={csv.saving} disabled={!canExport} onExport={csv.start} />
      </div>
      <ExportStatus exported={csv.exported} counted={transactions} testId="ledger-export-status" />

      {offline ? (
        <p className="ledger-empty" role="status">
          <Icon name="wifiOff" /> Offline — the ledger is read from Vobiz and shows once it can be
          reached.
        </p>
      ) : error ? (
        <ErrorAlert text={describeError(error)} />
      ) : null}

      {!offline && data && data.entries.length > 0 && (
        <LedgerTable
          entries={data.entries}
          caption={label}
          compact={compact}
          {...(accounts ? { accounts } : {})}
        />
      )}
      {!offline && data && data.total === 0 && !loading && (
        <p className="ledger-empty">No transactions match these filters.</p>
      )}
      {!offline && !data && loading && (
        <p className="ledger-empty" role="status">
          <Spinner /> Reading the ledger…
        </p>
      )}

      {!offline && data && data.total > 0 && (
        <Pager
          label={label}
          page={data.page}
          pages={pages}
          loading={loading}
          summary={transactions(data.total)}
          testId="ledger-page"
          onPage={setPage}
        />
      )}
    </div>
  )
}
