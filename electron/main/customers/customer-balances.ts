import type { CustomerBalanceView } from '../../../shared/balance'
import { exactDecimal } from '../../../shared/money'
import type { Clock } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'

export type CustomerBalances = ReturnType<typeof createCustomerBalances>

/**
 * GET /partner/accounts/{auth_id}/balance, one request in flight per customer: whoever asks
 * while one runs (the drawer's timer, a second window, a retry) gets that one's answer.
 */
export function createCustomerBalances(deps: {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  clock: Clock
}) {
  const inFlight = new Map<string, Promise<CustomerBalanceView>>()

  async function readNow(authId: string): Promise<CustomerBalanceView> {
    const { client } = await deps.session.activeClient()
    const reply = await client.getBalance(authId)
    return {
      authId: reply.auth_id,
      balance: exactDecimal(reply.cash_credits),
      currency: reply.currency ?? null,
      updatedAt: reply.updated_at ?? null,
      fetchedAt: new Date(deps.clock.now()).toISOString(),
    }
  }

  return {
    read(authId: string): Promise<CustomerBalanceView> {
      const running = inFlight.get(authId)
      if (running) return running
      const read = readNow(authId).finally(() => inFlight.delete(authId))
      inFlight.set(authId, read)
      return read
    },
  }
}
