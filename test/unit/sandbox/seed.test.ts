import { describe, expect, it } from 'vitest'
import { SEED_EPOCH_MS, startSandbox } from '../../../electron/sandbox'
import { generateData, seededDetails } from '../../../electron/sandbox/seed'
import { accountListSchema } from '../../../shared/vobiz'
import { allCustomers, manualClock, partnerApi } from './helpers'

const FIXED = Date.UTC(2026, 10, 21)

async function firstPage(seed: number) {
  const sandbox = await startSandbox({
    customers: 200,
    seed,
    now: () => FIXED,
    authToken: 'same-token-for-both',
  })
  try {
    return (await partnerApi(sandbox).get('/api/v1/partner/accounts?per_page=100')).body
  } finally {
    await sandbox.close()
  }
}

describe('seeded data', () => {
  it('is the same for the same seed, and different for another', async () => {
    const a = await firstPage(7)
    const b = await firstPage(7)
    const c = await firstPage(8)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(accountListSchema.parse(a).accounts[0]!.auth_id).not.toBe(
      accountListSchema.parse(c).accounts[0]!.auth_id,
    )
  })

  it('does not depend on which customers were looked at first', () => {
    const one = generateData(4, 50, FIXED).customers
    const two = generateData(4, 50, FIXED).customers
    const late = seededDetails(one[49]!, FIXED)
    for (const customer of two) seededDetails(customer, FIXED)
    expect(seededDetails(two[49]!, FIXED)).toEqual(late)
  })

  it('looks realistic and varied', async () => {
    const sandbox = await startSandbox({ customers: 1000, seed: 1, now: manualClock().now })
    try {
      const all = await allCustomers(sandbox)
      expect(all).toHaveLength(1000)
      const count = (test: (a: (typeof all)[number]) => boolean) => all.filter(test).length

      expect(new Set(all.map((a) => a.email!.toLowerCase())).size).toBe(1000)
      expect(new Set(all.map((a) => a.auth_id)).size).toBe(1000)
      expect(new Set(all.map((a) => a.auth_token)).size).toBe(1000)
      for (const a of all) {
        expect(a.auth_id).toMatch(/^MA_[A-Z0-9]{8}$/)
        expect(a.auth_token).toMatch(/^[A-Za-z0-9]{32,}$/)
        expect(a.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/)
        if (a.phone !== null) expect(a.phone).toMatch(/^\+[1-9]\d{6,14}$/)
        expect(Date.parse(a.created_at!)).toBeLessThan(SEED_EPOCH_MS)
        expect(Date.parse(a.updated_at!)).toBeGreaterThanOrEqual(Date.parse(a.created_at!))
        if (a.gstin) expect(a.gstin).toMatch(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/)
      }

      const india = count((a) => a.country === 'IN')
      expect(india).toBeGreaterThan(650)
      expect(india).toBeLessThan(950)
      expect(new Set(all.map((a) => a.country)).size).toBeGreaterThanOrEqual(6)
      for (const status of ['pending', 'verified', 'rejected']) {
        expect(count((a) => a.kyc_status === status)).toBeGreaterThan(30)
      }
      expect(count((a) => a.enabled === false)).toBeGreaterThan(10)
      expect(count((a) => a.enabled === true)).toBeGreaterThan(900)
      expect(count((a) => /[À-ž]/.test(a.name))).toBeGreaterThan(20)
      expect(count((a) => /\b(Sharma|Iyer|Reddy|Patel|Nair)\b/.test(a.name))).toBeGreaterThan(100)
      expect(count((a) => a.gstin !== null)).toBeGreaterThan(100)
      expect(count((a) => a.cash_credits === '0.00000')).toBeGreaterThan(20)
      const years = new Set(all.map((a) => a.created_at!.slice(0, 4)))
      expect(years.size).toBeGreaterThanOrEqual(3)
    } finally {
      await sandbox.close()
    }
  })

  it('starts with no customers at all', async () => {
    const sandbox = await startSandbox({ customers: 0 })
    try {
      const page = accountListSchema.parse(
        (await partnerApi(sandbox).get('/api/v1/partner/accounts')).body,
      )
      expect(page).toMatchObject({ accounts: [], total: 0, page: 1, size: 20 })
    } finally {
      await sandbox.close()
    }
  })

  it('starts 100,000 customers quickly, with unique emails and ids', async () => {
    const started = performance.now()
    const sandbox = await startSandbox({ customers: 100_000, seed: 12 })
    const startup = performance.now() - started
    try {
      // Typically 200–400 ms; the bound leaves room for a busy CI machine.
      expect(startup).toBeLessThan(2000)
      const api = partnerApi(sandbox)
      const last = accountListSchema.parse(
        (await api.get('/api/v1/partner/accounts?page=1000&per_page=100')).body,
      )
      expect(last).toMatchObject({ total: 100_000, page: 1000, size: 100 })
      expect(last.accounts.at(-1)!.id).toBe('600000')
      const searchStarted = performance.now()
      const found = accountListSchema.parse(
        (await api.get('/api/v1/partner/accounts?search=priya.sharma')).body,
      )
      expect(performance.now() - searchStarted).toBeLessThan(1000)
      expect(found.total).toBeGreaterThan(10)
    } finally {
      await sandbox.close()
    }
    const { customers } = generateData(12, 100_000, FIXED)
    expect(new Set(customers.map((c) => c.emailLower)).size).toBe(100_000)
    expect(new Set(customers.map((c) => c.authId)).size).toBe(100_000)
  })
})
