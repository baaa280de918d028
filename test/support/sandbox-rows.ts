import { generateData, seededDetails } from '../../electron/sandbox/seed'
import type { CustomerRow } from '../../shared/customers'

/** The sandbox's seeded customers as table rows (no server: for the index's tests and bench). */
export function sandboxRows(seed: number, count: number, originMs: number): CustomerRow[] {
  return generateData(seed, count, originMs).customers.map((c) => {
    const details = seededDetails(c, originMs)
    return {
      authId: c.authId,
      name: c.name,
      company: details.company,
      email: c.email,
      phone: details.phone,
      balance: '1.00000',
      currency: details.currency,
      kycStatus: details.kycStatus,
      enabled: details.enabled,
      active: true,
      createdAt: new Date(c.createdAtMs).toISOString(),
    }
  })
}
