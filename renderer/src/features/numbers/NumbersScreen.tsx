import { useCallback, useMemo, useState } from 'react'
import { filterNumbers, type NumbersFilter } from '../../../../shared/numbers'
import { ExportCsvButton, ExportStatus, useCsvExport } from '../../components/CsvExport'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedReading } from '../../components/SavedReading'
import { SelectField } from '../../components/SelectField'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { codeLabel, formatCount } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import { ConsoleNote } from './ConsoleNote'
import { NumbersList } from './NumbersList'
import { useAllNumbers } from './use-numbers'

type Draft = Omit<NumbersFilter, 'authId'>
const NO_FILTER: Draft = { text: '', status: '', capability: '' }

/** All the partner's phone numbers with their owners; search, filters and CSV export. */
export function NumbersScreen() {
  const rows = useCustomersStore((s) => s.rows)
  const offline = useCustomersStore((s) => s.network?.online === false)
  const names = useMemo(() => new Map(rows.map((row) => [row.authId, row.name])), [rows])
  const ownerName = useCallback(
    (authId: string | null) => (authId ? (names.get(authId) ?? authId) : '—'),
    [names],
  )
  const all = useAllNumbers(undefined, offline)
  const [draft, setDraft] = useState<Draft>(NO_FILTER)
  const shown = useMemo(
    () => filterNumbers(all.numbers, draft, ownerName),
    [all.numbers, draft, ownerName],
  )
  const statuses = useMemo(
    () => [...new Set(all.numbers.map((n) => n.status).filter((s): s is string => !!s))].sort(),
    [all.numbers],
  )

  const csv = useCsvExport(() => ipc.invoke('numbers:exportCsv', draft))
  const canExport = !offline && shown.length > 0

  return (
    <section className="card screen-card is-list" aria-labelledby="numbers-heading">
      <h2 id="numbers-heading" className="section-title">
        Phone numbers
      </h2>
      <ConsoleNote />
      <div className="numbers-toolbar">
        <div className="numbers-filters" role="group" aria-label="Number filters">
          <TextField
            label="Search"
            type="search"
            placeholder="Digits or customer name"
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
          <SelectField
            label="Status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {codeLabel(s)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Capability"
            value={draft.capability}
            onChange={(e) => setDraft({ ...draft, capability: e.target.value })}
          >
            <option value="">Any</option>
            <option value="voice">Voice</option>
            <option value="sms">SMS</option>
            <option value="mms">MMS</option>
            <option value="fax">Fax</option>
          </SelectField>
        </div>
        <ExportCsvButton saving={csv.saving} disabled={!canExport} onExport={csv.start} />
      </div>
      <p className="section-note" role="status" data-testid="numbers-count">
        {all.total === null
          ? ''
          : `${formatCount(shown.length)} of ${formatCount(all.total)} numbers${all.loading ? ' (reading…)' : ''}`}
      </p>
      <ExportStatus
        exported={csv.exported}
        counted={(count) => `${formatCount(count)} numbers`}
        testId="numbers-export-status"
      />
      <SavedReading savedAt={all.savedAt} />
      {all.error && <ErrorAlert text={describeError(all.error)} />}
      {all.loading && all.total === null && <Spinner />}
      {all.total !== null &&
        (shown.length === 0 ? (
          <p className="section-note">No numbers match.</p>
        ) : (
          <NumbersList numbers={shown} ownerName={ownerName} label="Phone numbers" fill />
        ))}
    </section>
  )
}
