import { useState } from 'react'
import { ACTIVITY_ACTIONS, type ActivityAction } from '../../../../shared/activity'
import { ExportCsvButton, ExportStatus, useCsvExport } from '../../components/CsvExport'
import { DateRangeFields } from '../../components/DateRangeFields'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { Spinner } from '../../components/Spinner'
import { TextField } from '../../components/TextField'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatCount } from '../../lib/format'
import { ActivityTable } from './ActivityTable'
import { ChainStatus } from './ChainStatus'
import {
  activityFilters,
  NO_ACTIVITY_FILTER,
  useActivity,
  type ActivityDraft,
} from './use-activity'

const ACTIONS = Object.entries(ACTIVITY_ACTIONS) as [ActivityAction, string][]

/** What was done from this app for this profile: filters, CSV export and the chain's check. */
export function ActivityScreen() {
  const [draft, setDraft] = useState<ActivityDraft>(NO_ACTIVITY_FILTER)
  const { list, error, loading } = useActivity(draft)

  const csv = useCsvExport(() => ipc.invoke('activity:exportCsv', activityFilters(draft)))
  const canExport = (list?.matching ?? 0) > 0

  return (
    <section className="card screen-card is-list" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="section-title">
        Activity
      </h2>
      <p className="section-note">
        Every action taken from Partner Desk for this profile, kept on this computer (also after
        sign-out). Credentials are named, never recorded.
      </p>
      {list && <ChainStatus chain={list.chain} />}
      <div className="activity-toolbar">
        <div className="activity-filters" role="group" aria-label="Activity filters">
          <TextField
            label="Search"
            type="search"
            placeholder="Auth ID, reference, file"
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
          <SelectField
            label="Action"
            value={draft.action}
            onChange={(e) =>
              setDraft({ ...draft, action: e.target.value as ActivityDraft['action'] })
            }
          >
            <option value="">All actions</option>
            {ACTIONS.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Outcome"
            value={draft.outcome}
            onChange={(e) =>
              setDraft({ ...draft, outcome: e.target.value as ActivityDraft['outcome'] })
            }
          >
            <option value="">Any outcome</option>
            <option value="ok">OK</option>
            <option value="failed">Failed</option>
            <option value="cancelled">Cancelled</option>
          </SelectField>
          <DateRangeFields
            from={draft.from}
            to={draft.to}
            onChange={(range) => setDraft({ ...draft, ...range })}
          />
        </div>
        <ExportCsvButton saving={csv.saving} disabled={!canExport} onExport={csv.start} />
      </div>
      <p className="section-note" role="status" data-testid="activity-count">
        {list
          ? `${formatCount(list.matching)} of ${formatCount(list.total)} ${list.total === 1 ? 'entry' : 'entries'}${
              list.entries.length < list.matching
                ? ` (the newest ${formatCount(list.entries.length)} shown; the export has all)`
                : ''
            }${loading ? ' (reading…)' : ''}`
          : ''}
      </p>
      <ExportStatus
        exported={csv.exported}
        counted={(count) => `${formatCount(count)} ${count === 1 ? 'entry' : 'entries'}`}
        testId="activity-export-status"
      />
      {error && <ErrorAlert text={describeError(error)} />}
      {!list && loading && <Spinner />}
      {list &&
        (list.entries.length === 0 ? (
          <p className="section-note">
            {list.total === 0 ? 'Nothing has been done from this app yet.' : 'No entries match.'}
          </p>
        ) : (
          <ActivityTable entries={list.entries} />
        ))}
    </section>
  )
}
