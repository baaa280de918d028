import { useId } from 'react'
import type { PartnerView, ProfileSummary, SessionState } from '../../../../shared/ipc-contract'
import { BrandMark } from '../../components/BrandMark'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { ThemeToggle } from '../../components/ThemeToggle'
import { UsageMeter } from '../../components/UsageMeter'
import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'
import { PartnerBalanceFact } from '../balance/PartnerBalanceFact'
import { NotificationBell } from '../notifications/NotificationBell'
import { CopyButton } from './CopyButton'
import { PermissionList } from './PermissionList'
import { ProfileMenu } from './ProfileMenu'
import { SignOutButton } from './SignOutButton'
import { UpdatedAt } from './UpdatedAt'

/** The app's banner once signed in: who the partner is, their money and limits, and actions. */
export function PartnerHeader({
  session,
  profile,
}: {
  session: SessionState
  profile: ProfileSummary
}) {
  const { partner } = session
  return (
    <header className="app-header">
      <div className="topbar-row">
        <div className="topbar">
          <BrandMark />
          <span className="topbar-divider" aria-hidden="true" />
          <ProfileMenu current={profile} profiles={session.profiles} />
          <div className="topbar-actions">
            <NotificationBell key={profile.id} />
            <ThemeToggle />
            <SignOutButton profile={profile} />
          </div>
        </div>
      </div>
      {partner ? (
        <PartnerSummary partner={partner} stale={session.partnerStale} />
      ) : (
        <div className="partner-strip">
          <div className="partner-identity">
            <h1 className="partner-name">{profile.label}</h1>
            <p className="partner-company">No partner details on this computer yet.</p>
          </div>
          <div className="partner-refresh">
            <RefreshButton />
          </div>
        </div>
      )}
    </header>
  )
}

function PartnerSummary({ partner, stale }: { partner: PartnerView; stale: boolean }) {
  return (
    <>
      <div className="partner-strip">
        <div className="partner-identity">
          <div className="partner-title-row">
            <h1 className="partner-name">{partner.name}</h1>
            <VerifiedBadge verified={partner.isVerified} />
            {partner.isActive === false && <span className="badge badge-danger">Inactive</span>}
          </div>
          <div className="partner-sub">
            {partner.company && <span className="partner-company">{partner.company}</span>}
            <span className="partner-auth">
              <span className="partner-auth-label">Auth ID</span>
              <code className="mono" data-testid="partner-auth-id">
                {partner.authId}
              </code>
              <CopyButton text={partner.authId} what="Auth ID" />
            </span>
          </div>
        </div>

        <dl className="partner-facts">
          <PartnerBalanceFact partner={partner} />
          <div className="fact">
            <dt>Customer accounts</dt>
            <dd className="fact-value" data-testid="partner-accounts">
              <UsageMeter
                used={partner.accountCount}
                max={partner.maxAccounts}
                label="Customer accounts used"
              />
            </dd>
          </div>
        </dl>

        <div className="partner-refresh">
          <RefreshButton />
          <p className="partner-freshness">
            <UpdatedAt iso={partner.fetchedAt} />
            {stale && (
              <span className="badge badge-warning">
                <Icon name="alert" />
                Stale
                <span className="visually-hidden">: the last reading saved on this computer</span>
              </span>
            )}
          </p>
        </div>
      </div>
      <div className="permissions-row">
        <span className="permissions-caption" aria-hidden="true">
          Permissions
        </span>
        <PermissionList permissions={partner.permissions} />
      </div>
    </>
  )
}

function VerifiedBadge({ verified }: { verified: boolean | null }) {
  if (verified === null) return null
  return verified ? (
    <span className="badge badge-success">
      <Icon name="check" />
      Verified
    </span>
  ) : (
    <span className="badge badge-neutral">
      <Icon name="info" />
      Not verified
    </span>
  )
}

function RefreshButton() {
  const refresh = useSessionStore((s) => s.refresh)
  const refreshing = useSessionStore((s) => s.refreshing)
  // Offline, main probes by itself and refreshes when Vobiz answers again.
  const offline = useCustomersStore((s) => s.network?.online === false)
  const reasonId = useId()
  const disabled = refreshing || offline
  return (
    <>
      <button
        type="button"
        className={`button button-secondary button-small${offline ? ' is-unavailable' : ''}`}
        aria-disabled={disabled || undefined}
        aria-describedby={offline ? reasonId : undefined}
        onClick={() => {
          if (!disabled) void refresh()
        }}
      >
        {refreshing ? <Spinner /> : <Icon name="refresh" />}
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      {offline && (
        <span id={reasonId} className="visually-hidden">
          Refresh needs a connection to Vobiz.
        </span>
      )}
    </>
  )
}
