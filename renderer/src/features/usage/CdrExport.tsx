import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { CdrFilters, ExportProgress } from '../../../../shared/usage'
import { Icon } from '../../components/Icon'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'

const ENDED: Record<string, string> = {
  done: 'Saved',
  cancelled: 'Export cancelled: no file was left',
  failed: 'Export stopped',
}

/** Exports the listed calls as CSV in main, page by page, with progress and Cancel. */
export function CdrExport({ filters }: { filters: CdrFilters | null }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  useEffect(() => ipc.on('usage:exportProgress', setProgress), [])
  const running = progress?.state === 'running'

  async function start() {
    if (!filters) return
    setError(null)
    const result = await ipc.invoke('usage:exportCdrs', filters)
    if (!result.ok) setError(result.error)
  }

  return (
    <div className="cdr-export">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-disabled={!filters || running || undefined}
        onClick={() => !running && void start()}
      >
        <Icon name="download" /> Export CSV
      </button>
      {running && (
        <>
          <progress
            max={Math.max(1, progress.total ?? 1)}
            value={progress.done}
            aria-label="Calls exported"
          />
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => void ipc.invoke('usage:cancelExport', {})}
          >
            Cancel
          </button>
        </>
      )}
      <p className="export-status" role="status" data-testid="cdr-export-status">
        {error
          ? describeError(error).title
          : progress
            ? `${running ? 'Exporting' : ENDED[progress.state]} — ${formatCount(progress.done)}${progress.total === null ? '' : ` of ${formatCount(progress.total)}`} calls${progress.state === 'done' && progress.fileName ? ` to ${progress.fileName}` : ''}${progress.message ? `. ${progress.message}` : ''}`
            : null}
      </p>
    </div>
  )
}
