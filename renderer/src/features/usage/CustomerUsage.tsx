import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { CdrPage } from '../../../../shared/usage'
import { Disclosure } from '../../components/Disclosure'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedReading } from '../../components/SavedReading'
import { SelectField } from '../../components/SelectField'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { StatementDialog } from '../statements/StatementDialog'
import { countText, durationText, startText } from './usage-format'
import { PRESET_LABELS, periodOf, type PeriodPreset } from './usage-period'
import { PhoneText } from '../../components/PhoneText'
import { CostText } from './CostText'

const PRESETS: PeriodPreset[] = ['thisMonth', 'lastMonth', '7days', 'today']
const LATEST = 10

function Usage({
  authId,
  name,
  offline,
  onShowCalls,
}: {
  authId: string
  name: string
  offline: boolean
  onShowCalls: () => void
}) {
  const [preset, setPreset] = useState<PeriodPreset>('thisMonth')
  const [statement, setStatement] = useState(false)
  const period = periodOf(preset, new Date(), { from: '', to: '' })
  // Read again when the connection comes or goes (offline, main answers with its saved reading).
  const key = `${authId}|${period.from}|${period.to}|${offline ? 'offline' : ''}`
  const [read, setRead] = useState<{ key: string; page: CdrPage | null; error: AppError | null }>({
    key: '',
    page: null,
    error: null,
  })
  useEffect(() => {
    if (!key) return
    let current = true
    const [id, from, to] = key.split('|') as [string, string, string]
    void ipc.invoke('usage:cdrs', { authId: id, from, to, page: 1, perPage: LATEST }).then((r) => {
      if (!current) return
      setRead((before) =>
        r.ok ? { key, page: r.value, error: null } : { key, page: before.page, error: r.error },
      )
    })
    return () => {
      current = false
    }
  }, [key])
  const summary = read.page?.summary
  const currency = read.page?.rows[0]?.currency ?? null
  return (
    <div className="customer-usage" data-testid="customer-usage">
      <SelectField
        label="Period"
        value={preset}
        onChange={(e) => setPreset(e.target.value as PeriodPreset)}
      >
        {PRESETS.map((p) => (
          <option key={p} value={p}>
            {PRESET_LABELS[p]}
          </option>
        ))}
      </SelectField>
      {read.error && <ErrorAlert text={describeError(read.error)} />}
      <SavedReading savedAt={read.page?.savedAt} />
      {read.key !== key && !read.error && <Spinner />}
      {read.page && (
        <>
          <dl className="usage-figures is-compact">
            <div>
              <dt>Calls</dt>
              <dd>{countText(read.page.total)}</dd>
            </div>
            <div>
              <dt>Answered</dt>
              <dd>{summary?.answered === null ? '—' : countText(summary?.answered ?? 0)}</dd>
            </div>
            <div>
              <dt>Billed minutes</dt>
              <dd>
                {summary?.billableSeconds == null
                  ? '—'
                  : countText(Math.ceil(summary.billableSeconds / 60))}
              </dd>
            </div>
            <div>
              <dt>Call cost</dt>
              <dd className="money">
                <CostText cost={summary?.cost ?? null} currency={currency} />
              </dd>
            </div>
          </dl>
          {read.page.rows.length > 0 && (
            <table className="usage-table" aria-label={`Latest calls of ${name}`}>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">To</th>
                  <th scope="col">Duration</th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {read.page.rows.map((row) => (
                  <tr key={row.uuid}>
                    <td>{startText(row.startedAt)}</td>
                    <td className="mono">{row.to ? <PhoneText raw={row.to} /> : '—'}</td>
                    <td>{durationText(row.duration)}</td>
                    <td className="num money">
                      <CostText cost={row.cost} currency={row.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="customer-usage-links">
            <button type="button" className="link-button" onClick={onShowCalls}>
              All calls of {name}
            </button>
            <button type="button" className="link-button" onClick={() => setStatement(true)}>
              Statement…
            </button>
          </div>
          {statement && (
            <StatementDialog authId={authId} name={name} onClose={() => setStatement(false)} />
          )}
        </>
      )}
    </div>
  )
}

/** A customer's calls in the drawer: the period's summary and latest calls. */
export function CustomerUsage(props: {
  authId: string
  name: string
  offline: boolean
  onShowCalls: () => void
}) {
  return <Disclosure title="Usage">{() => <Usage {...props} />}</Disclosure>
}
