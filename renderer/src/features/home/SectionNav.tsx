import type { HomeSection } from '../../stores/navigation-store'

const SECTIONS: { id: HomeSection; label: string }[] = [
  { id: 'customers', label: 'Customers' },
  { id: 'watchlist', label: 'Watchlist' },
  { id: 'usage', label: 'Usage' },
  { id: 'numbers', label: 'Numbers' },
  { id: 'transactions', label: 'Transactions' },
  { id: 'subaccounts', label: 'Sub-accounts' },
  { id: 'kyc', label: 'KYC' },
  { id: 'activity', label: 'Activity' },
]

/** The home screen's sections, from the customers and the watchlist to the activity log. */
export function SectionNav({
  current,
  onChange,
}: {
  current: HomeSection
  onChange: (section: HomeSection) => void
}) {
  return (
    <nav className="section-nav" aria-label="Sections">
      {SECTIONS.map((section) => (
        <button
          key={section.id}
          type="button"
          className="section-nav-item"
          aria-current={current === section.id ? 'page' : undefined}
          onClick={() => onChange(section.id)}
        >
          {section.label}
        </button>
      ))}
    </nav>
  )
}
