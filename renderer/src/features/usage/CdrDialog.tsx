import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { CdrRecord, CdrRow } from '../../../../shared/usage'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DialogFrame } from '../../components/FormDialog'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { startText } from './usage-format'

/** "hangup_cause_code" → "Hangup cause code". */
const labelOf = (key: string) => key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

/** One call's full record, read from Vobiz when opened. */
export function CdrDialog({
  row,
  customerName,
  onClose,
}: {
  row: CdrRow
  customerName: string
  onClose: () => void
}) {
  const [read, setRead] = useState<{ record: CdrRecord | null; error: AppError | null }>({
    record: null,
    error: null,
  })
  useEffect(() => {
    if (!row.authId) return
    let current = true
    void ipc.invoke('usage:cdr', { authId: row.authId, uuid: row.uuid }).then((result) => {
      if (current) {
        setRead(
          result.ok ? { record: result.value, error: null } : { record: null, error: result.error },
        )
      }
    })
    return () => {
      current = false
    }
  }, [row.authId, row.uuid])
  return (
    <DialogFrame
      title={`Call of ${startText(row.startedAt)}`}
      testId="cdr-dialog"
      onClose={onClose}
      className="cdr-dialog"
    >
      <div className="form-dialog-body">
        <p className="section-note">{customerName}</p>
        {read.error && <ErrorAlert text={describeError(read.error)} />}
        {!read.record && !read.error && row.authId && <Spinner />}
        {read.record && (
          <dl className="cdr-fields">
            {read.record.fields.map(([key, value]) => (
              <div key={key}>
                <dt>{labelOf(key)}</dt>
                <dd className={typeof value === 'number' ? 'num' : undefined}>
                  {value === null || value === '' ? '—' : String(value)}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </DialogFrame>
  )
}
