import { lazy, Suspense, useEffect } from 'react'
import type { ProfileSummary, SessionState } from '../../../../shared/ipc-contract'
import { ErrorAlert } from '../../components/ErrorAlert'
import { NoticeBanner } from '../../components/NoticeBanner'
import { describeError } from '../../lib/error-messages'
import { useSessionStore } from '../../stores/session-store'
import { CustomersPanel } from '../customers/CustomersPanel'
import { PartnerHeader } from '../partner-header/PartnerHeader'
import { OverviewPanel } from './OverviewPanel'
import { useNavigationStore } from '../../stores/navigation-store'
import { SectionNav } from './SectionNav'

const SubAccountsScreen = lazy(() =>
  import('../subaccounts/SubAccountsScreen').then((m) => ({ default: m.SubAccountsScreen })),
)
const UsageScreen = lazy(() =>
  import('../usage/UsageScreen').then((m) => ({ default: m.UsageScreen })),
)
const NumbersScreen = lazy(() =>
  import('../numbers/NumbersScreen').then((m) => ({ default: m.NumbersScreen })),
)
const LedgerScreen = lazy(() =>
  import('../ledger/LedgerScreen').then((m) => ({ default: m.LedgerScreen })),
)

const ActivityScreen = lazy(() =>
  import('../activity/ActivityScreen').then((m) => ({ default: m.ActivityScreen })),
)

const WatchlistScreen = lazy(() =>
  import('../watchlist/WatchlistScreen').then((m) => ({ default: m.WatchlistScreen })),
)

const KycScreen = lazy(() => import('../kyc/KycScreen').then((m) => ({ default: m.KycScreen })))

const HOME_ACTIONS = new Set(['refresh', 'switch', 'signOut', 'sandbox'])

export function HomeScreen({
  session,
  profile,
}: {
  session: SessionState
  profile: ProfileSummary
}) {
  const lastError = useSessionStore((s) => s.lastError)
  const clearError = useSessionStore((s) => s.clearError)
  const section = useNavigationStore((s) => s.section)
  const setSection = useNavigationStore((s) => s.show)
  // Another profile starts on its customers.
  useEffect(() => {
    useNavigationStore.setState({ section: 'customers', usageCustomer: null })
  }, [profile.id])
  const failure = lastError && HOME_ACTIONS.has(lastError.action) ? lastError : null
  return (
    <div className="home-page">
      <PartnerHeader session={session} profile={profile} />
      <main className="home-main">
        <NoticeBanner />
        {failure && (
          <ErrorAlert text={describeError(failure.error)} onDismiss={clearError}>
            {session.partner && failure.action === 'refresh' && (
              <p className="banner-detail">The figures below are the last ones read.</p>
            )}
          </ErrorAlert>
        )}
        {session.partner && <OverviewPanel partner={session.partner} />}
        <SectionNav current={section} onChange={setSection} />
        {/*
          A fresh panel per profile: its search, filters and selection belong to that profile.
          Hidden, not unmounted, on the ledger, so they are still there on the way back.
        */}
        <div hidden={section !== 'customers'} className="home-section">
          <CustomersPanel key={profile.id} />
        </div>
        {section === 'watchlist' && (
          <Suspense fallback={null}>
            <WatchlistScreen key={profile.id} />
          </Suspense>
        )}
        {section === 'usage' && (
          <Suspense fallback={null}>
            <UsageScreen key={profile.id} />
          </Suspense>
        )}
        {section === 'numbers' && (
          <Suspense fallback={null}>
            <NumbersScreen key={profile.id} />
          </Suspense>
        )}
        {section === 'transactions' && (
          <Suspense fallback={null}>
            <LedgerScreen key={profile.id} />
          </Suspense>
        )}
        {section === 'subaccounts' && (
          <Suspense fallback={null}>
            <SubAccountsScreen key={profile.id} />
          </Suspense>
        )}
        {section === 'kyc' && (
          <Suspense fallback={null}>
            <KycScreen key={profile.id} />
          </Suspense>
        )}
        {section === 'activity' && (
          <Suspense fallback={null}>
            <ActivityScreen key={profile.id} />
          </Suspense>
        )}
      </main>
    </div>
  )
}
