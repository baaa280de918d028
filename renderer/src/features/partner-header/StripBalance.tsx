import type { PartnerView } from '../../../../shared/ipc-contract'
import {
  changeBetween,
  compareMoney,
  moneyToDecimalString,
  parseMoney,
} from '../../../../shared/money'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { Icon } from '../../components/Icon'
import { formatBalance } from '../../lib/format'
import { useBalanceStore } from '../../stores/balance-store'
import { useCustomersStore } from '../../stores/customers-store'
import { Sparkline } from '../balance/Sparkline'
import { usePartnerReading } from '../balance/use-partner-reading'

/**
 * The partner's balance in the strip, live: the amount, the change since the previous reading,
 * the session's trend (labelled), and the stale and low-balance warnings, each in its own slot.
 */
export function StripBalance({ partner, stale }: { partner: PartnerView; stale: boolean }) {
  const watched = useBalanceStore((s) => s.partner)
  const threshold = useCustomersStore(
    (s) => s.settings?.partnerLowBalanceThreshold ?? DEFAULT_SETTINGS.partnerLowBalanceThreshold,
  )
  // The store's reading (a transfer's reply enters it at once): the top-up dialog's figure too.
  const shown = usePartnerReading() ?? {
    balance: partner.balance,
    currency: partner.currency,
    at: partner.fetchedAt,
  }
  const money = parseMoney(shown.balance)
  const limit = parseMoney(threshold)
  const low = money && limit ? compareMoney(money, limit) < 0 : false
  const isStale = stale || watched?.state === 'offline'
  const previous =
    watched?.current?.at === shown.at ? watched.previous?.balance : watched?.current?.balance
  const change = changeBetween(shown.balance, previous)
  const amount = formatBalance(shown.balance, shown.currency)
  return (
    <>
      <div className="strip-slot strip-balance" data-slot="balance">
        <span className="strip-label">Balance</span>
        <span className="strip-amount money" data-testid="partner-balance" title={amount}>
          {amount}
        </span>
      </div>
      <div className="strip-slot strip-change" data-slot="change">
        <span className="strip-label">Change · this session</span>
        <span className="strip-trend">
          {!change ? (
            <span className="balance-change is-same">—</span>
          ) : change.direction === 'same' ? (
            <span className="balance-change is-same">No change</span>
          ) : (
            <span className={`balance-change is-${change.direction}`} data-testid="balance-change">
              <Icon name={change.direction === 'up' ? 'arrowUp' : 'arrowDown'} />
              <span className="visually-hidden">{change.direction === 'up' ? 'Up' : 'Down'} </span>
              {formatBalance(moneyToDecimalString(change.amount), shown.currency)}
              <span className="visually-hidden"> since the last reading</span>
            </span>
          )}
          {watched && (
            <Sparkline
              trend={watched.trend}
              label={`Balance over this session, ${watched.trend.length} readings`}
            />
          )}
        </span>
      </div>
      <div className="strip-slot strip-status" data-slot="status">
        {isStale && (
          <span className="badge badge-warning" data-testid="balance-stale">
            <Icon name="alert" />
            Stale
            <span className="visually-hidden">: the last reading saved on this computer</span>
          </span>
        )}
        {low && (
          <span
            className="badge badge-danger"
            role="status"
            data-testid="partner-low-balance"
            title={`Below ${formatBalance(threshold, partner.currency)}: top up the partner wallet.`}
          >
            <Icon name="alert" />
            Low
            <span className="visually-hidden">
              : below {formatBalance(threshold, partner.currency)}, top up the partner wallet.
            </span>
          </span>
        )}
      </div>
    </>
  )
}
