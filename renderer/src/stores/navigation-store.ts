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
  /** A customer whose drawer should open (a notification was clicked); `token` tells repeats apart. */
  customerRequest: { authId: string; token: number } | null
  show: (section: HomeSection) => void
  openCustomer: (authId: string) => void
  clearCustomerRequest: () => void
  showCustomerCalls: (customer: { authId: string; name: string }) => void
  clearUsageCustomer: () => void
}

/** Which home section is shown; a new profile starts on the customers. */
export const useNavigationStore = create<NavigationStore>((set) => ({
  section: 'customers',
  usageCustomer: null,
  customerRequest: null,
  show: (section) => set({ section }),
  openCustomer: (authId) =>
    set((state) => ({
      section: 'customers',
      customerRequest: { authId, token: (state.customerRequest?.token ?? 0) + 1 },
    })),
  clearCustomerRequest: () => set({ customerRequest: null }),
  showCustomerCalls: (customer) => set({ section: 'usage', usageCustomer: customer }),
  clearUsageCustomer: () => set({ usageCustomer: null }),
}))
