import { lazy, Suspense, useEffect, type ComponentType } from 'react'
import type { ProfileSummary, SessionState } from '../../../../shared/ipc-contract'
import { ErrorAlert } from '../../components/ErrorAlert'
import { NoticeBanner } from '../../components/NoticeBanner'
import { describeError } from '../../lib/error-messages'
import { useNavigationStore, type HomeSection } from '../../stores/navigation-store'
import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'
import { CustomersPanel } from '../customers/CustomersPanel'
import { PartnerStrip } from '../partner-header/PartnerStrip'
import { CommandPalette } from '../shell/CommandPalette'
import { Sidebar } from '../shell/Sidebar'
import { OverviewPanel } from './OverviewPanel'

const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })))

// The other screens load when first opened, not at start-up.
const SCREENS: Partial<Record<HomeSection, ComponentType>> = {
  watchlist: screen(() => import('../watchlist/WatchlistScreen'), 'WatchlistScreen'),
  usage: screen(() => import('../usage/UsageScreen'), 'UsageScreen'),
  numbers: screen(() => import('../numbers/NumbersScreen'), 'NumbersScreen'),
  transactions: screen(() => import('../ledger/LedgerScreen'), 'LedgerScreen'),
  subaccounts: screen(() => import('../subaccounts/SubAccountsScreen'), 'SubAccountsScreen'),
  kyc: screen(() => import('../kyc/KycScreen'), 'KycScreen'),
  activity: screen(() => import('../activity/ActivityScreen'), 'ActivityScreen'),
  settings: screen(() => import('../settings/SettingsScreen'), 'SettingsScreen'),
}

const HOME_ACTIONS = new Set(['refresh', 'switch', 'signOut', 'sandbox'])

/**
 * The signed-in workspace: the sections in a sidebar, the partner strip on top, and the active
 * screen filling the rest of the window (it scrolls inside itself, the page never does).
 */
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
  const collapsed = useNavigationStore((s) => s.sidebarCollapsed)
  // Another profile starts on its customers.
  useEffect(() => {
    useNavigationStore.setState({
      section: 'customers',
      usageCustomer: null,
      selectedCustomer: null,
      customerRequest: null,
      pendingTopUp: null,
    })
  }, [profile.id])
  const offline = useCustomersStore((s) => s.network?.online === false)
  // Offline is said by the customers' banner and the strip; a failure for that reason is not repeated.
  const failure =
    lastError &&
    HOME_ACTIONS.has(lastError.action) &&
    !(offline && lastError.error.kind === 'offline')
      ? lastError
      : null
  const Screen = SCREENS[section]
  return (
    <div className="app-shell" data-sidebar={collapsed ? 'collapsed' : 'expanded'}>
      <Sidebar />
      <PartnerStrip session={session} profile={profile} />
      <main className="workspace" data-section={section}>
        <NoticeBanner />
        {failure && (
          <ErrorAlert text={describeError(failure.error)} onDismiss={clearError}>
            {session.partner && failure.action === 'refresh' && (
              <p className="banner-detail">The figures shown are the last ones read.</p>
            )}
          </ErrorAlert>
        )}
        {section === 'overview' && (
          <OverviewPanel partner={session.partner} profileLabel={profile.label} />
        )}
        {/*
          A fresh panel per profile: its search, filters and selection belong to that profile.
          Hidden, not unmounted, on the other screens, so they are still there on the way back.
        */}
        <div hidden={section !== 'customers'} className="workspace-customers">
          <CustomersPanel key={profile.id} />
        </div>
        {Screen && (
          <Suspense fallback={null}>
            <div className="workspace-screen">
              <Screen key={profile.id} />
            </div>
          </Suspense>
        )}
      </main>
      <CommandPalette />
    </div>
  )
}
