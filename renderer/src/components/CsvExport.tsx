import { useState } from 'react'
import type { AppError } from '../../../shared/app-error'
import type { Result } from '../../../shared/result'
import { describeError } from '../lib/error-messages'
import { Icon } from './Icon'
import { Spinner } from './Spinner'

/** What an export channel answers: saved under a name, or cancelled in the save dialog. */
export type CsvExportReply = { saved: boolean; fileName: string | null; count: number }

export type CsvExportState =
  | { state: 'idle' | 'saving' | 'cancelled' }
  | { state: 'saved'; fileName: string; count: number }
  | { state: 'failed'; error: AppError }

/** One CSV export at a time from a screen: its state, and the start that runs `run`. */
export function useCsvExport(run: () => Promise<Result<CsvExportReply>>) {
  const [exported, setExported] = useState<CsvExportState>({ state: 'idle' })
  async function start() {
    setExported({ state: 'saving' })
    const result = await run()
    if (!result.ok) return setExported({ state: 'failed', error: result.error })
    const { saved, fileName, count } = result.value
    setExported(saved && fileName ? { state: 'saved', fileName, count } : { state: 'cancelled' })
  }
  return { exported, saving: exported.state === 'saving', start }
}

/** The Export CSV button: says why it cannot run through aria-disabled, spins while saving. */
export function ExportCsvButton({
  saving,
  disabled,
  onExport,
}: {
  saving: boolean
  disabled: boolean
  onExport: () => Promise<void>
}) {
  const blocked = disabled || saving
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      aria-disabled={blocked || undefined}
      onClick={() => !blocked && void onExport()}
    >
      {saving ? <Spinner /> : <Icon name="download" />}
      Export CSV
    </button>
  )
}

/** How the last export ended, announced: "Saved 12 transactions to …", cancelled or failed. */
export function ExportStatus({
  exported,
  counted,
  testId,
}: {
  exported: CsvExportState
  /** "12 transactions" for a count. */
  counted: (count: number) => string
  testId: string
}) {
  return (
    <p className="export-status" role="status" data-testid={testId}>
      {exported.state === 'saved' ? (
        <>
          <Icon name="check" />
          Saved {counted(exported.count)} to {exported.fileName}
        </>
      ) : exported.state === 'cancelled' ? (
        'Export cancelled'
      ) : exported.state === 'failed' ? (
        <span className="is-error">{describeError(exported.error).title}</span>
      ) : null}
    </p>
  )
}
