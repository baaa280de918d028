import { useCallback, useMemo, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import { filterNumbers, type NumbersFilter } from '../../../../shared/numbers'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedReading } from '../../components/SavedReading'
import { Icon } from '../../components/Icon'
import { SelectField } from '../../components/SelectField'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import { ConsoleNote } from './ConsoleNote'
import { NumbersList } from './NumbersList'
import { useAllNumbers } from './use-numbers'

type Draft = Omit<NumbersFilter, 'authId'>
const NO_FILTER: Draft = { text: '', status: '', capability: '' }

type Export =
  | { state: 'idle' | 'saving' | 'cancelled' }
  | { state: 'saved'; fileName: string; count: number }
  | { state: 'failed'; error: AppError }

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
  const [exported, setExported] = useState<Export>({ state: 'idle' })
  const shown = useMemo(
    () => filterNumbers(all.numbers, draft, ownerName),
    [all.numbers, draft, ownerName],
  )
  const statuses = useMemo(
    () => [...new Set(all.numbers.map((n) => n.status).filter((s): s is string => !!s))].sort(),
    [all.numbers],
  )

  async function exportCsv() {
    setExported({ state: 'saving' })
    const result = await ipc.invoke('numbers:exportCsv', draft)
    if (!result.ok) return setExported({ state: 'failed', error: result.error })
    const { saved, fileName, count } = result.value
    setExported(saved && fileName ? { state: 'saved', fileName, count } : { state: 'cancelled' })
  }
  const canExport = !offline && shown.length > 0 && exported.state !== 'saving'

  return (
    <section className="card numbers-card" aria-labelledby="numbers-heading">
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
                {s}
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
        <button
          type="button"
          className="button button-secondary button-small"
          aria-disabled={!canExport || undefined}
          onClick={() => canExport && void exportCsv()}
        >
          {exported.state === 'saving' ? <Spinner /> : <Icon name="download" />}
          Export CSV
        </button>
      </div>
      <p className="section-note" role="status" data-testid="numbers-count">
        {all.total === null
          ? ''
          : `${formatCount(shown.length)} of ${formatCount(all.total)} numbers${all.loading ? ' (reading…)' : ''}`}
      </p>
      <p className="export-status" role="status" data-testid="numbers-export-status">
        {exported.state === 'saved'
          ? `Saved ${formatCount(exported.count)} numbers to ${exported.fileName}`
          : exported.state === 'cancelled'
            ? 'Export cancelled'
            : exported.state === 'failed'
              ? describeError(exported.error).title
              : ''}
      </p>
      <SavedReading savedAt={all.savedAt} />
      {all.error && <ErrorAlert text={describeError(all.error)} />}
      {all.loading && all.total === null && <Spinner />}
      {all.total !== null &&
        (shown.length === 0 ? (
          <p className="section-note">No numbers match.</p>
        ) : (
          <NumbersList numbers={shown} ownerName={ownerName} label="Phone numbers" />
        ))}
    </section>
  )
}
