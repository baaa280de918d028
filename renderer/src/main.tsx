import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyTheme, readStoredTheme } from './stores/theme-store'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import './features/sign-in/sign-in.css'
import './features/partner-header/partner-header.css'
import './features/home/home.css'
import './features/customers/customers.css'
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
