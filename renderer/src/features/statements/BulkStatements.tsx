import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { BulkStatementsProgress } from '../../../../shared/statement'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'
import { monthLabel, recentMonths } from './months'

const ENDED: Record<string, string> = {
  done: 'Done',
  cancelled: 'Cancelled: the statements written so far stay in the folder',
  failed: 'Stopped',
}

/** One statement per saved customer into a folder, in the background, with progress and cancel. */
export function BulkStatements({ offline }: { offline: boolean }) {
  const months = recentMonths(new Date())
  const [month, setMonth] = useState(months[1] ?? months[0] ?? '')
  const [format, setFormat] = useState<'csv' | 'pdf'>('csv')
  const [progress, setProgress] = useState<BulkStatementsProgress | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  useEffect(() => ipc.on('statements:progress', setProgress), [])
  const running = progress?.state === 'running'

  async function start() {
    setError(null)
    const result = await ipc.invoke('statements:bulkStart', { month, format })
    if (!result.ok) setError(result.error)
  }

  return (
    <section className="card screen-card" aria-labelledby="statements-heading">
      <h2 id="statements-heading" className="section-title">
        Statements
      </h2>
      <p className="section-note">
        One statement per customer for a month (calls, top-ups received, number fees), written into
        a folder you choose. Open a customer to see or print theirs.
      </p>
      <div className="usage-filters" role="group" aria-label="Statements to export">
        <SelectField label="Month" value={month} onChange={(e) => setMonth(e.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as 'csv' | 'pdf')}
        >
          <option value="csv">CSV</option>
          <option value="pdf">PDF</option>
        </SelectField>
        <button
          type="button"
          className="button button-primary button-small"
          aria-disabled={running || offline || undefined}
          onClick={() => !running && !offline && void start()}
        >
          Export for every customer…
        </button>
        {running && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void ipc.invoke('statements:bulkCancel', {})}
          >
            Cancel
          </button>
        )}
      </div>
      {error && <ErrorAlert text={describeError(error)} />}
      {progress && (
        <div className="bulk-progress" data-testid="bulk-progress">
          <progress
            max={Math.max(1, progress.total)}
            value={progress.done}
            aria-label="Statements written"
          />
          <p role="status" className="section-note">
            {running ? 'Writing' : ENDED[progress.state]} — {formatCount(progress.done)} of{' '}
            {formatCount(progress.total)}
            {progress.folder ? ` into ${progress.folder}` : ''}
            {progress.failed.length > 0
              ? `; not read: ${progress.failed.slice(0, 5).join(', ')}${progress.failed.length > 5 ? ` and ${progress.failed.length - 5} more` : ''}`
              : ''}
            {progress.message ? `. ${progress.message}` : ''}
          </p>
        </div>
      )}
    </section>
  )
}
