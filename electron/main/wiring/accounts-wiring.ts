import { createCapacityHistory } from '../capacity/capacity-history'
import { createCapacityService } from '../capacity/capacity-service'
import { createKycService } from '../onboarding/kyc-service'
import { createSubAccountsService } from '../subaccounts/subaccounts-service'
import type { AppPorts } from './app-ports'
import type { CustomerServices } from './customers-wiring'
import type { SessionServices } from './session-wiring'

export type AccountServices = ReturnType<typeof createAccountServices>

/**
 * What the partner manages on its accounts beside money: a customer's sub-accounts, KYC
 * onboarding sessions and the call capacity (concurrent calls, CPS) allocated to customers.
 */
export function createAccountServices(
  ports: AppPorts,
  { session, connectivity, guard, secretFiles }: SessionServices,
  { details }: CustomerServices,
) {
  const { logger, clock, scheduler, dataDir } = ports
  const capacityHistory = createCapacityHistory({ dataDir, logger })

  const subAccounts = createSubAccountsService({
    session,
    customerToken: async (authId) => (await details.token(authId)).token,
    tokens: secretFiles('subAccount'),
    guard,
    dataDir,
    logger,
    clock,
  })
  const kyc = createKycService({
    session,
    links: secretFiles('kycLink'),
    guard,
    clock,
    logger,
  })
  const capacity = createCapacityService({
    session,
    connectivity,
    history: capacityHistory,
    logger,
    clock,
    scheduler,
  })

  return { subAccounts, kyc, capacityHistory, capacity }
}
