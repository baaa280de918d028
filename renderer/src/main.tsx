import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyTheme, readStoredTheme } from './stores/theme-store'
import './styles/tokens.css'
import './styles/base.css'
import './styles/brand.css'
import './styles/buttons.css'
import './styles/fields.css'
import './styles/banners.css'
import './styles/badges.css'
import './styles/segmented.css'
import './styles/indicators.css'
import './styles/overlays.css'
import './styles/cards.css'
import './styles/boot.css'
import './styles/forms.css'
import './styles/toast.css'
import './styles/saved-reading.css'
import './styles/table-frame.css'
import './styles/date-field.css'
import './features/sign-in/sign-in.css'
import './features/partner-header/partner-header.css'
import './features/shell/shell.css'
import './features/home/home.css'
import './features/settings/settings.css'
import './features/shell/palette.css'
import './features/customers/customers.css'
import './features/customers/toolbar.css'
import './features/customers/grid.css'
import './features/customers/cells.css'
import './features/customers/status.css'
import './features/customers/columns-menu.css'
import './features/customer-drawer/drawer.css'
import './features/new-customer/new-customer.css'
import './features/balance/balance.css'
import './features/top-up/top-up.css'
import './features/ledger/ledger.css'
import './features/subaccounts/subaccounts.css'
import './features/usage/usage.css'
import './features/numbers/numbers.css'
import './features/activity/activity.css'
import './features/watchlist/watchlist.css'
import './features/kyc/kyc.css'
import './features/capacity/capacity.css'
import './features/statements/statements.css'
import './features/notifications/notifications.css'
import './features/bulk-top-up/bulk-top-up.css'

applyTheme(readStoredTheme())

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
