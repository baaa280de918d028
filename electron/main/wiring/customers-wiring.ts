import { createCustomerBalances } from '../customers/customer-balances'
import { createCustomerCache } from '../customers/customer-cache'
import { createCustomerCreateService } from '../customers/customer-create-service'
import { createCustomerDetailsCache } from '../customers/customer-details-cache'
import { createCustomerDetailsService } from '../customers/customer-details-service'
import { createCustomerLookup } from '../customers/customer-lookup'
import { createCustomersService } from '../customers/customers-service'
import { createCredentialsService } from '../session/credentials-service'
import type { AppPorts } from './app-ports'
import type { SessionServices } from './session-wiring'

export type CustomerServices = ReturnType<typeof createCustomerServices>

/**
 * The customer list (cached, synced), each customer's details, token and balance, copying
 * credentials and creating customers. `afterSync` runs once a sync has saved the list and its
 * tokens.
 */
export function createCustomerServices(
  ports: AppPorts,
  { session, connectivity, guard, secretFiles }: SessionServices,
  afterSync: (profileId: string) => Promise<void>,
) {
  const { logger, clock, scheduler, dataDir, saveFile } = ports
  const tokens = secretFiles('customer')
  const detailsCache = createCustomerDetailsCache({ dataDir, logger })

  const customers = createCustomersService({
    cache: createCustomerCache({ dataDir, logger }),
    session,
    connectivity,
    scheduler,
    clock,
    logger,
    saveFile,
    emit: ports.emit,
    onSynced: async (profileId, entries) => {
      await tokens.replaceAll(profileId, entries)
      await afterSync(profileId)
    },
    ...(ports.customers?.refreshEveryMs ? { refreshEveryMs: ports.customers.refreshEveryMs } : {}),
    ...(ports.customers?.startupSyncWaitMs
      ? { startupSyncWaitMs: ports.customers.startupSyncWaitMs }
      : {}),
    ...(ports.customers?.concurrency ? { sync: { concurrency: ports.customers.concurrency } } : {}),
  })
  const details = createCustomerDetailsService({
    session,
    customers,
    tokens,
    details: detailsCache,
    clock,
  })
  const credentials = createCredentialsService({ details, guard, logger })
  const customerBalances = createCustomerBalances({ session, clock })
  const customerLookup = createCustomerLookup({ customers, balances: customerBalances })
  const create = createCustomerCreateService({
    session,
    connectivity,
    customers,
    tokens,
    logger,
    clock,
  })

  return {
    customers,
    tokens,
    detailsCache,
    details,
    credentials,
    customerBalances,
    customerLookup,
    create,
  }
}
