import type { PartnerView, ProfileSummary, SessionState } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'
import { NotificationBell } from '../notifications/NotificationBell'
import { CopyButton } from './CopyButton'
import { ProfileMenu } from './ProfileMenu'
import { RefreshState } from './RefreshState'
import { SignOutButton } from './SignOutButton'
import { StripBalance } from './StripBalance'

/**
 * The partner strip above every screen: who the partner is, its balance with the change and the
 * session's trend, warnings, how fresh the reading is, and the profile. Each part has a slot of
 * fixed or bounded width (partner-header.css), so no state moves or covers another part.
 */
export function PartnerStrip({
  session,
  profile,
}: {
  session: SessionState
  profile: ProfileSummary
}) {
  const { partner } = session
  return (
    <header className="partner-strip" data-testid="partner-strip">
      <div className="strip-slot strip-identity" data-slot="identity">
        <div className="strip-name-row">
          <h1 className="partner-name" title={partner?.name ?? profile.label}>
            {partner?.name ?? profile.label}
          </h1>
          {partner ? <VerifiedBadge verified={partner.isVerified} /> : null}
          {partner?.isActive === false && <span className="badge badge-danger">Inactive</span>}
        </div>
        {partner && (
          <p className="strip-auth">
            <span className="visually-hidden">Auth ID </span>
            <code className="mono" data-testid="partner-auth-id">
              {partner.authId}
            </code>
            <CopyButton text={partner.authId} what="Auth ID" compact />
          </p>
        )}
      </div>
      {partner ? (
        <StripBalance partner={partner} stale={session.partnerStale} />
      ) : (
        <p className="strip-slot strip-missing">No partner details on this computer yet.</p>
      )}
      <div className="strip-slot strip-refresh" data-slot="refresh">
        <RefreshState fetchedAt={partner?.fetchedAt ?? null} />
      </div>
      <div className="strip-slot strip-profile" data-slot="profile">
        <NotificationBell key={profile.id} />
        <ProfileMenu current={profile} profiles={session.profiles} />
        <SignOutButton profile={profile} />
      </div>
    </header>
  )
}

function VerifiedBadge({ verified }: { verified: PartnerView['isVerified'] }) {
  if (verified === null) return null
  return verified ? (
    <span className="badge badge-success" data-slot="verified">
      <Icon name="check" />
      Verified
    </span>
  ) : (
    <span className="badge badge-neutral" data-slot="verified">
      <Icon name="info" />
      Not verified
    </span>
  )
}
