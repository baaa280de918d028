import { create } from 'zustand'

export type HomeSection =
  | 'customers'
  | 'watchlist'
  | 'usage'
  | 'numbers'
  | 'transactions'
  | 'subaccounts'
  | 'kyc'
  | 'activity'

type NavigationStore = {
  section: HomeSection
  /** The Usage screen's calls narrowed to one customer (from the drawer's "All calls"). */
  usageCustomer: { authId: string; name: string } | null
  show: (section: HomeSection) => void
  showCustomerCalls: (customer: { authId: string; name: string }) => void
  clearUsageCustomer: () => void
}

/** Which home section is shown; a new profile starts on the customers. */
export const useNavigationStore = create<NavigationStore>((set) => ({
  section: 'customers',
  usageCustomer: null,
  show: (section) => set({ section }),
  showCustomerCalls: (customer) => set({ section: 'usage', usageCustomer: customer }),
  clearUsageCustomer: () => set({ usageCustomer: null }),
}))
