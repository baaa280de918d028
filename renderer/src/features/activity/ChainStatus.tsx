import type { ChainStatus as Chain } from '../../../../shared/activity'
import { Icon } from '../../components/Icon'
import { formatCount } from '../../lib/format'

const PROBLEMS = {
  changed: (at: number) => `Entry ${at} was changed after it was written.`,
  removed: (at: number) => `Entry ${at} is missing: it was removed.`,
  reordered: (at: number) => `The entries are out of order from entry ${at}.`,
}

/** Whether the log's hash chain holds, and where it breaks. */
export function ChainStatus({ chain }: { chain: Chain }) {
  if (chain.intact) {
    return (
      <p className="activity-chain" role="status" data-testid="activity-chain">
        <span className="badge badge-success">
          <Icon name="check" />
          Log intact
        </span>
        <span className="activity-chain-text">
          {formatCount(chain.checked)} {chain.checked === 1 ? 'entry' : 'entries'} checked against
          their hash chain
        </span>
      </p>
    )
  }
  return (
    <div className="banner banner-danger" role="alert" data-testid="activity-chain">
      <Icon name="alert" className="banner-icon" />
      <div className="banner-text">
        <p className="banner-title">The activity log was altered: broken at entry {chain.at}</p>
        <p className="banner-detail">
          {PROBLEMS[chain.problem](chain.at)} Entries from there on cannot be trusted as written by
          Partner Desk.
        </p>
      </div>
    </div>
  )
}
