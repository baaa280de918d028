import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { Statement } from '../../../../shared/statement'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DialogFrame } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { SelectField } from '../../components/SelectField'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { StatementSheet } from './StatementSheet'
import { monthLabel, recentMonths } from './months'

type Saving =
  | { state: 'idle' | 'saving' | 'cancelled' }
  | { state: 'saved'; fileName: string }
  | { state: 'failed'; error: AppError }

/** A customer's statement for a month: read on screen, saved as CSV or PDF, or printed. */
export function StatementDialog({
  authId,
  name,
  onClose,
}: {
  authId: string
  name: string
  onClose: () => void
}) {
  const months = recentMonths(new Date())
  const [month, setMonth] = useState(months[1] ?? months[0] ?? '')
  const [read, setRead] = useState<{
    month: string
    statement: Statement | null
    error: AppError | null
  }>({ month: '', statement: null, error: null })
  const [saving, setSaving] = useState<Saving>({ state: 'idle' })

  useEffect(() => {
    let current = true
    void ipc.invoke('statements:get', { authId, month }).then((result) => {
      if (!current) return
      setRead(
        result.ok
          ? { month, statement: result.value, error: null }
          : { month, statement: null, error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [authId, month])

  async function save(format: 'csv' | 'pdf') {
    setSaving({ state: 'saving' })
    const result = await ipc.invoke('statements:export', { authId, month, format })
    if (!result.ok) return setSaving({ state: 'failed', error: result.error })
    const { saved, fileName } = result.value
    setSaving(saved && fileName ? { state: 'saved', fileName } : { state: 'cancelled' })
  }

  const ready = read.month === month && read.statement !== null
  const busy = saving.state === 'saving'
  return (
    <DialogFrame
      title={`Statement of ${name}`}
      testId="statement-dialog"
      onClose={onClose}
      className="statement-dialog"
    >
      <div className="form-dialog-body">
        <div className="statement-toolbar">
          <SelectField label="Month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </SelectField>
          <div className="statement-actions">
            {(['csv', 'pdf'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="button button-secondary button-small"
                aria-disabled={!ready || busy || undefined}
                onClick={() => ready && !busy && void save(format)}
              >
                <Icon name="download" /> Export {format.toUpperCase()}
              </button>
            ))}
            <button
              type="button"
              className="button button-ghost button-small"
              aria-disabled={!ready || undefined}
              onClick={() => ready && window.print()}
            >
              Print…
            </button>
          </div>
        </div>
        <p className="export-status" role="status" data-testid="statement-export-status">
          {saving.state === 'saving' ? (
            <Spinner />
          ) : saving.state === 'saved' ? (
            `Saved to ${saving.fileName}`
          ) : saving.state === 'cancelled' ? (
            'Export cancelled'
          ) : saving.state === 'failed' ? (
            (describeError(saving.error).detail ?? describeError(saving.error).title)
          ) : null}
        </p>
        {read.error && read.month === month && <ErrorAlert text={describeError(read.error)} />}
        {!ready && !read.error && <Spinner />}
        {ready && read.statement && <StatementSheet statement={read.statement} />}
      </div>
    </DialogFrame>
  )
}
