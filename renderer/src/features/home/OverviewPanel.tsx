import type { PartnerView } from '../../../../shared/ipc-contract'
import { parseMoney } from '../../../../shared/money'
import { Icon, type IconName } from '../../components/Icon'
import { UsageMeter } from '../../components/UsageMeter'
import { formatBalance, formatCount } from '../../lib/format'
import { usePartnerReading } from '../balance/use-partner-reading'

const CAPABILITIES: { key: keyof PartnerView['permissions']; label: string; detail: string }[] = [
  {
    key: 'createAccounts',
    label: 'New customer accounts',
    detail: 'Add customers under this partner.',
  },
  {
    key: 'transferBalance',
    label: 'Balance transfers',
    detail: 'Move money from this wallet to a customer.',
  },
  { key: 'viewCdrs', label: 'Call records', detail: 'Read call detail records (CDRs).' },
  {
    key: 'createPricingTiers',
    label: 'Custom pricing',
    detail: 'Set up pricing tiers for customers.',
  },
]

/** The partner at a glance: wallet, customer accounts and what the API lets this partner do. */
export function OverviewPanel({ partner }: { partner: PartnerView }) {
  const reading = usePartnerReading() ?? partner
  const money = parseMoney(reading.balance)
  const remaining =
    partner.accountCount !== null && partner.maxAccounts !== null
      ? Math.max(0, partner.maxAccounts - partner.accountCount)
      : null
  return (
    <section className="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="section-title">
        Overview
      </h2>
      <div className="card-grid">
        <article className="card card-balance" aria-labelledby="card-balance">
          <CardHeading id="card-balance" icon="wallet" text="Wallet balance" />
          <p className="card-figure money">{formatBalance(reading.balance, reading.currency)}</p>
          <p className="card-note">
            {!money
              ? 'Vobiz did not report a balance.'
              : partner.permissions.transferBalance
                ? 'Your master wallet. Customer top-ups are paid from it.'
                : 'Your master wallet.'}
          </p>
        </article>

        <article className="card card-accounts" aria-labelledby="card-accounts">
          <CardHeading id="card-accounts" icon="users" text="Customer accounts" />
          <p className="card-figure">
            <UsageMeter
              used={partner.accountCount}
              max={partner.maxAccounts}
              label="Customer accounts used of the limit"
            />
          </p>
          <p className="card-note">
            {remaining === null
              ? 'Vobiz did not report the account limit.'
              : remaining === 0
                ? 'The account limit is reached.'
                : `${formatCount(remaining)} more can be created.`}
          </p>
        </article>

        <article className="card card-permissions" aria-labelledby="card-permissions">
          <CardHeading id="card-permissions" icon="check" text="API permissions" />
          <ul className="capability-list">
            {CAPABILITIES.map(({ key, label, detail }) => {
              const allowed = partner.permissions[key]
              return (
                <li key={key} className="capability">
                  <span className="capability-text">
                    <span className="capability-label">{label}</span>
                    <span className="capability-detail">{detail}</span>
                  </span>
                  <span className={`status-pill ${allowed ? 'is-allowed' : 'is-denied'}`}>
                    <Icon name={allowed ? 'check' : 'cross'} />
                    {allowed ? 'Allowed' : 'Not allowed'}
                  </span>
                </li>
              )
            })}
          </ul>
        </article>
      </div>
    </section>
  )
}

function CardHeading({ id, icon, text }: { id: string; icon: IconName; text: string }) {
  return (
    <h3 id={id} className="card-title">
      <Icon name={icon} />
      {text}
    </h3>
  )
}
