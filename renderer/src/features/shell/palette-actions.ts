import { useNavigationStore } from '../../stores/navigation-store'
import { NO_FILTERS } from '../customers/customer-filters'
import { useCustomersStore } from '../../stores/customers-store'
import { useNewCustomerStore } from '../../stores/new-customer-store'
import { useSessionStore } from '../../stores/session-store'
import { useThemeStore } from '../../stores/theme-store'

export type PaletteAction = { id: string; label: string; keywords: string; run: () => void }

function resolvedTheme(): 'light' | 'dark' {
  const choice = useThemeStore.getState().choice
  if (choice !== 'system') return choice
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** The palette's actions; "top up" only while a customer is selected or open. */
export function paletteActions(selected: { authId: string; name: string } | null): PaletteAction[] {
  const navigation = useNavigationStore.getState()
  const actions: PaletteAction[] = [
    {
      id: 'new-customer',
      label: 'New customer',
      keywords: 'create add customer account',
      run: () => {
        navigation.show('customers')
        useNewCustomerStore.getState().show()
      },
    },
    {
      id: 'search',
      label: 'Search customers',
      keywords: 'find filter table',
      run: () => navigation.requestCustomers({ kind: 'search' }),
    },
    {
      id: 'low-balance',
      label: 'Show low-balance customers',
      keywords: 'filter under threshold wallet empty fund',
      run: () =>
        navigation.requestCustomers({
          kind: 'filter',
          filters: { ...NO_FILTERS, lowBalance: true },
        }),
    },
    {
      id: 'export',
      label: 'Export customers as CSV',
      keywords: 'download csv file save',
      run: () => navigation.requestCustomers({ kind: 'export' }),
    },
    {
      id: 'refresh',
      label: 'Refresh partner and customers',
      keywords: 'sync reload update balance',
      run: () => {
        void useSessionStore.getState().refresh()
        void useCustomersStore.getState().refresh()
      },
    },
    {
      id: 'settings',
      label: 'Open settings',
      keywords: 'preferences options clipboard threshold interval theme',
      run: () => navigation.show('settings'),
    },
    {
      id: 'theme',
      label: 'Toggle light and dark theme',
      keywords: 'dark mode light mode appearance',
      run: () => useThemeStore.getState().setChoice(resolvedTheme() === 'dark' ? 'light' : 'dark'),
    },
  ]
  if (selected) {
    actions.unshift({
      id: 'top-up',
      label: `Top up ${selected.name || selected.authId}`,
      keywords: 'top up fund transfer balance money',
      run: () => navigation.requestCustomers({ kind: 'topUp', authId: selected.authId }),
    })
  }
  return actions
}
