import { ACTIVITY_ACTIONS, type ActivityEntry } from '../../../../shared/activity'
import { absoluteTime } from '../../lib/format'

function Outcome({ outcome }: { outcome: string }) {
  if (outcome === 'ok') return <span className="badge badge-success">OK</span>
  if (outcome === 'cancelled') return <span className="badge badge-neutral">Cancelled</span>
  return <span className="badge badge-danger">{outcome.replaceAll('_', ' ')}</span>
}

/** An identifier in the code font; a dash (in the text font) when there is none. */
const Code = ({ text }: { text: string | null }) =>
  text === null ? '—' : <span className="mono">{text}</span>

/** The log's entries, newest first; one scroll container with a sticky header. */
export function ActivityTable({ entries }: { entries: readonly ActivityEntry[] }) {
  // The region scrolls (sideways when narrow, the rows down): focusable, for the keyboard.
  return (
    <div className="scroll-table-frame" role="region" aria-label="Activity entries" tabIndex={0}>
      <table className="data-table activity-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Detail</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reference</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-testid="activity-row">
              <td className="num">{e.seq}</td>
              <td title={e.time}>{absoluteTime(e.time)}</td>
              <td>{ACTIVITY_ACTIONS[e.action]}</td>
              <td title={e.target ?? undefined}>
                <Code text={e.target} />
              </td>
              <td title={e.detail ?? undefined}>{e.detail ?? '—'}</td>
              <td>
                <Outcome outcome={e.outcome} />
              </td>
              <td title={e.reference ?? undefined}>
                <Code text={e.reference} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
