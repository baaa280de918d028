import { create } from 'zustand'
import type { Filters } from '../features/customers/customer-filters'

export type HomeSection =
  | 'overview'
  | 'customers'
  | 'watchlist'
  | 'usage'
  | 'numbers'
  | 'transactions'
  | 'subaccounts'
  | 'kyc'
  | 'activity'
  | 'settings'

/** What the palette or another screen asks the customers screen to do (a new token each time). */
export type CustomerRequest =
  | { kind: 'open'; authId: string; token: number }
  | { kind: 'topUp'; authId: string; token: number }
  | { kind: 'export'; token: number }
  | { kind: 'search'; token: number }
  /** Every customer the filters keep (the search cleared). */
  | { kind: 'filter'; filters: Filters; token: number }

type WithoutToken<T> = T extends unknown ? Omit<T, 'token'> : never
type RequestKind = WithoutToken<CustomerRequest>

type NavigationStore = {
  section: HomeSection
  /** The Usage screen's calls narrowed to one customer (from the drawer's "All calls"). */
  usageCustomer: { authId: string; name: string } | null
  /** The customer selected in the table, or open in the drawer (the palette's "top up"). */
  selectedCustomer: { authId: string; name: string } | null
  customerRequest: CustomerRequest | null
  /** A top-up the drawer of this customer opens as soon as it shows (then clears). */
  pendingTopUp: string | null
  sidebarCollapsed: boolean
  show: (section: HomeSection) => void
  showCustomerCalls: (customer: { authId: string; name: string }) => void
  clearUsageCustomer: () => void
  setSelectedCustomer: (customer: { authId: string; name: string } | null) => void
  /** Shows the customers screen and hands it a request. */
  requestCustomers: (request: RequestKind) => void
  setPendingTopUp: (authId: string | null) => void
  toggleSidebar: () => void
}

/** Which home section is shown; a new profile starts on the customers. */
export const useNavigationStore = create<NavigationStore>((set, get) => ({
  section: 'customers',
  usageCustomer: null,
  selectedCustomer: null,
  customerRequest: null,
  pendingTopUp: null,
  sidebarCollapsed: false,
  show: (section) => set({ section }),
  showCustomerCalls: (customer) => set({ section: 'usage', usageCustomer: customer }),
  clearUsageCustomer: () => set({ usageCustomer: null }),
  setSelectedCustomer: (selectedCustomer) => set({ selectedCustomer }),
  requestCustomers: (request) =>
    set({
      section: 'customers',
      customerRequest: { ...request, token: (get().customerRequest?.token ?? 0) + 1 },
    }),
  setPendingTopUp: (pendingTopUp) => set({ pendingTopUp }),
  toggleSidebar: () => set({ sidebarCollapsed: !get().sidebarCollapsed }),
}))
