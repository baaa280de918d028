import type { PartnerView } from '../../../../shared/ipc-contract'
import { Icon, type IconName } from '../../components/Icon'
import { UsageMeter } from '../../components/UsageMeter'
import { formatCount } from '../../lib/format'
import { CustomerBaseCard } from './CustomerBaseCard'

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

/**
 * The partner at a glance, as its own screen: who it is, its customer accounts, what the API lets
 * it do, and its customer base. (The balance is in the partner strip above every screen.)
 */
export function OverviewPanel({
  partner,
  profileLabel,
}: {
  partner: PartnerView | null
  profileLabel: string
}) {
  if (!partner) {
    return (
      <section className="overview" aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="section-title">
          Overview
        </h2>
        <p className="card-note">No partner details on this computer yet for {profileLabel}.</p>
      </section>
    )
  }
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
        <article className="card card-partner" aria-labelledby="card-partner">
          <CardHeading id="card-partner" icon="user" text="Partner account" />
          {/* The name, verification and Auth ID are in the strip above; these are not. */}
          <dl className="partner-facts">
            <dt>Company</dt>
            <dd>{partner.company || '—'}</dd>
            <dt>Email</dt>
            <dd>{partner.email || '—'}</dd>
            <dt>Wallet</dt>
            <dd>{partner.currency || '—'}</dd>
            <dt>Status</dt>
            <dd>
              {partner.isActive === false
                ? 'Inactive: Vobiz reports this partner account as inactive.'
                : partner.isActive
                  ? 'Active'
                  : '—'}
            </dd>
          </dl>
        </article>

        <article className="card card-accounts" aria-labelledby="card-accounts">
          <CardHeading id="card-accounts" icon="users" text="Customer accounts" />
          <p className="card-figure" data-testid="partner-accounts">
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

        <CustomerBaseCard />
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
