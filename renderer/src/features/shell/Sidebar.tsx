import { BrandMark } from '../../components/BrandMark'
import { Icon, type IconName } from '../../components/Icon'
import { useNavigationStore, type HomeSection } from '../../stores/navigation-store'

export const SECTIONS: readonly { id: HomeSection; label: string; icon: IconName }[] = [
  { id: 'overview', label: 'Overview', icon: 'home' },
  { id: 'customers', label: 'Customers', icon: 'users' },
  { id: 'watchlist', label: 'Watchlist', icon: 'alert' },
  { id: 'usage', label: 'Usage', icon: 'chart' },
  { id: 'numbers', label: 'Numbers', icon: 'phone' },
  { id: 'transactions', label: 'Transactions', icon: 'wallet' },
  { id: 'subaccounts', label: 'Sub-accounts', icon: 'user' },
  { id: 'kyc', label: 'KYC', icon: 'shield' },
  { id: 'activity', label: 'Activity', icon: 'list' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
]

/**
 * The app's sections down the left side (Settings last). Collapsed, only the icons show; each
 * item keeps its name for assistive technology and as a tooltip.
 */
export function Sidebar() {
  const current = useNavigationStore((s) => s.section)
  const show = useNavigationStore((s) => s.show)
  const collapsed = useNavigationStore((s) => s.sidebarCollapsed)
  const toggle = useNavigationStore((s) => s.toggleSidebar)
  const main = SECTIONS.filter((section) => section.id !== 'settings')
  const settings = SECTIONS.filter((section) => section.id === 'settings')
  const item = (section: (typeof SECTIONS)[number]) => (
    <li key={section.id}>
      <button
        type="button"
        className="sidebar-item"
        aria-current={current === section.id ? 'page' : undefined}
        title={collapsed ? section.label : undefined}
        onClick={() => show(section.id)}
      >
        <Icon name={section.icon} />
        <span className="sidebar-label">{section.label}</span>
      </button>
    </li>
  )
  return (
    <nav className="sidebar" aria-label="Sections" data-collapsed={collapsed || undefined}>
      <div className="sidebar-brand">
        <BrandMark />
      </div>
      <ul className="sidebar-list">{main.map(item)}</ul>
      <ul className="sidebar-list sidebar-end">
        {settings.map(item)}
        <li>
          <button
            type="button"
            className="sidebar-item sidebar-toggle"
            aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
            title={collapsed ? 'Expand sidebar' : undefined}
            onClick={toggle}
          >
            <Icon name="sidebar" />
            <span className="sidebar-label">Collapse</span>
          </button>
        </li>
      </ul>
    </nav>
  )
}
