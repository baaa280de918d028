import { describe, expect, it } from 'vitest'
import { failedFields, partnerApi } from './helpers'
import {
  useSubAccountsSandbox,
  SUB_ACCOUNT_FIELDS,
  type SubAccount,
  type Created,
  PARTNER,
  BASES,
  subs,
  clock,
  sandbox,
  api,
  create,
  listOf,
  freshCustomer,
  seededOwners,
} from './subaccounts-fixture'

useSubAccountsSandbox()

describe('list', () => {
  it('pages 25 at a time by default, oldest first, with total, page and size', async () => {
    const owner = await freshCustomer()
    const names: string[] = []
    for (let i = 0; i < 27; i++) {
      clock.advance(60_000)
      const name = `Sub ${String(i).padStart(2, '0')}`
      names.push(name)
      const reply = await owner.api.post(`${subs(owner.authId)}/`, { name, enabled: i % 3 !== 0 })
      expect(reply.status).toBe(201)
    }
    const first = listOf(await owner.api.get(`${subs(owner.authId)}/`))
    expect(first).toMatchObject({ total: 27, page: 1, size: 25 })
    expect(first.sub_accounts.map((s) => s.name)).toEqual(names.slice(0, 25))
    for (const s of first.sub_accounts) {
      expect(Object.keys(s)).toEqual(SUB_ACCOUNT_FIELDS)
      expect(s.auth_token).toBe('<redacted>')
    }
    const times = first.sub_accounts.map((s) => Date.parse(s.created_at))
    expect(times).toEqual([...times].sort((a, b) => a - b))

    const second = listOf(await owner.api.get(`${subs(owner.authId)}/?page=2`))
    expect(second).toMatchObject({ total: 27, page: 2, size: 25 })
    expect(second.sub_accounts.map((s) => s.name)).toEqual(names.slice(25))

    const small = listOf(await owner.api.get(`${subs(owner.authId)}/?page=3&size=10`))
    expect(small).toMatchObject({ total: 27, page: 3, size: 10 })
    expect(small.sub_accounts.map((s) => s.name)).toEqual(names.slice(20, 27))

    expect(listOf(await owner.api.get(`${subs(owner.authId)}/?page=9`)).sub_accounts).toEqual([])
    expect(listOf(await owner.api.get(`${subs(owner.authId)}/?size=500`)).size).toBe(100)
  })

  it('active_only leaves out disabled sub-accounts', async () => {
    const owner = await freshCustomer()
    for (const [name, enabled] of [
      ['On 1', true],
      ['Off', false],
      ['On 2', true],
    ] as const) {
      clock.advance(1000)
      await owner.api.post(`${subs(owner.authId)}/`, { name, enabled })
    }
    const active = listOf(await owner.api.get(`${subs(owner.authId)}/?active_only=true`))
    expect(active.total).toBe(2)
    expect(active.sub_accounts.map((s) => s.name)).toEqual(['On 1', 'On 2'])
    const all = listOf(await owner.api.get(`${subs(owner.authId)}/?active_only=false`))
    expect(all.sub_accounts.map((s) => s.name)).toEqual(['On 1', 'Off', 'On 2'])
  })

  it('sorts by creation date, not by when it was last changed', async () => {
    const owner = await freshCustomer()
    const ids: string[] = []
    for (const name of ['A', 'B', 'C']) {
      clock.advance(1000)
      const reply = await owner.api.post(`${subs(owner.authId)}/`, { name })
      ids.push((reply.body as Created).sub_account.auth_id)
    }
    clock.advance(1000)
    await owner.api.send('PUT', `${subs(owner.authId)}/${ids[0]!}`, { name: 'A2' })
    const list = listOf(await owner.api.get(`${subs(owner.authId)}/`))
    expect(list.sub_accounts.map((s) => s.name)).toEqual(['A2', 'B', 'C'])
  })

  it.each([
    ['page=0', 'page'],
    ['page=x', 'page'],
    ['size=0', 'size'],
    ['size=2.5', 'size'],
    ['active_only=maybe', 'active_only'],
  ])('refuses %s with 422 naming the parameter', async (query, field) => {
    const reply = await api.get(`${subs(PARTNER)}/?${query}`)
    expect(reply.status).toBe(422)
    expect(failedFields(reply)).toEqual([field])
  })

  it('is the same under both paths', async () => {
    const a = await api.get(`${BASES['endpoint pages'](PARTNER)}/`)
    const b = await api.get(`${BASES.overview(PARTNER)}/`)
    expect(a.body).toEqual(b.body)
  })
})

describe('seeded sub-accounts', () => {
  it('exist under the partner and the first customers, including a blocked and a disabled one', async () => {
    const owners = await seededOwners()
    const all: SubAccount[] = []
    for (const owner of owners) {
      const list = listOf(await owner.api.get(`${subs(owner.authId)}/`))
      expect(list.total).toBeGreaterThanOrEqual(2)
      for (const s of list.sub_accounts) {
        expect(Object.keys(s)).toEqual(SUB_ACCOUNT_FIELDS)
        expect(s.parent_auth_id).toBe(owner.authId)
        expect(s.auth_token).toBe('<redacted>')
        expect(s.auth_id).toMatch(/^SA_[A-Z0-9]{8}$/)
        expect(Date.parse(s.created_at)).toBeLessThan(clock.now())
        if (s.kyc_mode === 'customer_use') expect(s.email).not.toBeNull()
      }
      all.push(...list.sub_accounts)
    }
    expect(all.some((s) => s.kyc_mode === 'customer_use' && s.kyc_calls_blocked)).toBe(true)
    expect(all.some((s) => !s.enabled)).toBe(true)
    expect(new Set(all.map((s) => s.auth_id)).size).toBe(all.length)
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length)
  })

  it('are the same after a reset, and a deleted one comes back', async () => {
    const before = listOf(await api.get(`${subs(PARTNER)}/`))
    const victim = before.sub_accounts[0]!
    await api.send('DELETE', `${subs(PARTNER)}/${victim.auth_id}`)
    await create({ name: 'Extra' })
    sandbox.reset()
    expect((await api.get(`${subs(PARTNER)}/`)).body).toEqual(before)
  })

  it('are only seeded for a handful of customers', async () => {
    const page = (await api.get('/api/v1/partner/accounts?per_page=12')).body as {
      accounts: { auth_id: string; auth_token: string; enabled: boolean }[]
    }
    const counts: number[] = []
    for (const a of page.accounts) {
      const theirs = partnerApi(sandbox, { authId: a.auth_id, authToken: a.auth_token })
      const reply = await theirs.get(`${subs(a.auth_id)}/`)
      if (a.enabled) counts.push(listOf(reply).total)
      else expect(reply.status).toBe(403)
    }
    expect(counts.slice(3).every((n) => n === 0)).toBe(true)
  })
})
