import { useEffect } from 'react'
import type { PartnerView } from '../../../../shared/ipc-contract'
import { compareMoney, parseMoney } from '../../../../shared/money'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { Icon } from '../../components/Icon'
import { formatBalance } from '../../lib/format'
import { useBalanceStore } from '../../stores/balance-store'
import { useCustomersStore } from '../../stores/customers-store'
import { LowBalanceSetting } from '../customers/LowBalanceSetting'
import { BalanceChange } from './BalanceChange'
import { Sparkline } from './Sparkline'
import { usePartnerReading } from './use-partner-reading'

const INTERVALS = [10, 30, 60, 300]

/** How often the balance is read while the window is visible (`balanceRefreshSeconds`). */
function RefreshInterval() {
  const seconds = useCustomersStore(
    (s) => s.settings?.balanceRefreshSeconds ?? DEFAULT_SETTINGS.balanceRefreshSeconds,
  )
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const choices = [...new Set([...INTERVALS, seconds])].sort((a, b) => a - b)
  return (
    <select
      className="balance-interval"
      aria-label="Read the partner balance every"
      value={seconds}
      onChange={(event) => void saveSettings({ balanceRefreshSeconds: Number(event.target.value) })}
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          every {choice < 60 ? `${choice} s` : `${choice / 60} min`}
        </option>
      ))}
    </select>
  )
}

/**
 * The partner's balance in the header, live: the amount, the change since the previous reading,
 * the session's trend, and a warning below the profile's threshold or when it is stale.
 */
export function PartnerBalanceFact({ partner }: { partner: PartnerView }) {
  const start = useBalanceStore((s) => s.start)
  const watched = useBalanceStore((s) => s.partner)
  const saveSettings = useCustomersStore((s) => s.saveSettings)
  const threshold = useCustomersStore(
    (s) => s.settings?.partnerLowBalanceThreshold ?? DEFAULT_SETTINGS.partnerLowBalanceThreshold,
  )
  useEffect(() => start(), [start])

  // The store's reading (a transfer's reply enters it at once): the top-up dialog's figure too.
  const shown = usePartnerReading() ?? partner
  const money = parseMoney(shown.balance)
  const limit = parseMoney(threshold)
  const low = money && limit ? compareMoney(money, limit) < 0 : false
  const stale = watched?.state === 'offline'
  const previous = watched?.current ? watched.previous?.balance : null
  return (
    <div className="fact balance-fact">
      <dt>
        Balance
        {stale && (
          <span className="badge badge-warning balance-stale" data-testid="balance-stale">
            Stale
          </span>
        )}
      </dt>
      <dd className="fact-value money" data-testid="partner-balance">
        {formatBalance(shown.balance, shown.currency)}
      </dd>
      <dd className="balance-meta">
        <BalanceChange current={shown.balance} previous={previous} currency={shown.currency} />
        {watched && (
          <Sparkline
            trend={watched.trend}
            label={`Balance over this session, ${watched.trend.length} readings`}
          />
        )}
        <RefreshInterval />
        <LowBalanceSetting
          field="partnerLowBalanceThreshold"
          threshold={threshold}
          onSave={saveSettings}
        />
        {watched?.state === 'paused' && <span className="balance-note">Paused while hidden</span>}
        {watched?.state === 'backing-off' && (
          <span className="balance-note">Reading failed; retrying less often</span>
        )}
      </dd>
      {low && (
        <dd className="balance-low" data-testid="partner-low-balance">
          <span role="status">
            <Icon name="alert" /> Below {formatBalance(threshold, partner.currency)}: top up the
            partner wallet.
          </span>
        </dd>
      )}
    </div>
  )
}
