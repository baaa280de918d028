import type { CustomerBalances } from './customer-balances'
import type { CustomersService } from './customers-service'

/** What the other domains ask about one customer of the signed-in profile. */
export function createCustomerLookup(deps: {
  customers: Pick<CustomersService, 'cachedRow'>
  balances: Pick<CustomerBalances, 'read'>
}) {
  const saved = (authId: string) => deps.customers.cachedRow(authId).catch(() => null)
  return {
    /** Its name from the saved list; null when it is not there or nobody is signed in. */
    name: async (authId: string): Promise<string | null> => (await saved(authId))?.row.name ?? null,
    /**
     * Its wallet's currency: only GET …/balance says it (list rows carry the pricing tier's), so
     * the saved row's only when that cannot be read; null when neither says.
     */
    walletCurrency: async (authId: string): Promise<string | null> =>
      (await deps.balances.read(authId).catch(() => null))?.currency ??
      (await saved(authId))?.row.currency ??
      null,
  }
}
