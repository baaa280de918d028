import { describe, expect, it } from 'vitest'
import type { SubAccountView } from '../../../shared/subaccounts'
import { valueOf } from '../../support/customers'
import {
  subAccountsSandbox,
  PARTNER,
  customer,
  expectedView,
  list,
  created,
  update,
  remove,
  copy,
  reveal,
  verify,
  failure,
  copiedToken,
  keptOnDisk,
} from './subaccounts-harness'

const { suite, truthList, partnerTruth, customerCredentials, accountObjectStatus, signedIn } =
  subAccountsSandbox()

describe('update, verify and delete', () => {
  it('renames and disables: the view and the list follow; verify says 403, then accepted again', async () => {
    const { app } = await signedIn()
    const { subAccount } = await created(app, PARTNER, { name: 'Will change' })
    const { authId } = subAccount
    await list(app, PARTNER)
    const changed = await valueOf<SubAccountView>(
      update(app, PARTNER, authId, { name: 'Changed', enabled: false }),
    )
    expect(changed).toMatchObject({ authId, name: 'Changed', enabled: false, tokenKept: true })
    const raw = (await partnerTruth()).find((s) => s.auth_id === authId)!
    expect(raw).toMatchObject({ name: 'Changed', enabled: false })
    expect(changed).toEqual(expectedView(raw, true))
    expect((await list(app, PARTNER)).subAccounts.find((s) => s.authId === authId)).toEqual(changed)

    const refused = await verify(app, authId)
    expect(refused.accepted).toBe(false)
    expect(refused.message).toContain('403')
    expect(refused.message).toContain('disabled')
    // The sandbox agrees: the token is right, the sub-account blocked.
    expect(await accountObjectStatus(authId, await copiedToken(app, authId))).toBe(403)

    const enabled = await valueOf<SubAccountView>(update(app, PARTNER, authId, { enabled: true }))
    expect(enabled).toMatchObject({ name: 'Changed', enabled: true })
    expect(await verify(app, authId)).toMatchObject({ accepted: true })
  })

  it('the saved list follows an update even while offline afterwards', async () => {
    const { app } = await signedIn()
    const [first] = (await list(app, PARTNER)).subAccounts
    await valueOf(update(app, PARTNER, first!.authId, { name: 'Renamed seeded' }))
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await list(app, PARTNER)
    expect(saved.source).toBe('saved')
    expect(saved.subAccounts[0]).toMatchObject({ authId: first!.authId, name: 'Renamed seeded' })
  })

  it("updates a customer's sub-account with the customer's credentials", async () => {
    const { app, customers } = await signedIn()
    const owner = customers[1]!
    const disabled = (await list(app, customer(owner))).subAccounts.find((s) => !s.enabled)!
    const view = await valueOf<SubAccountView>(
      update(app, customer(owner), disabled.authId, { enabled: true }),
    )
    expect(view).toMatchObject({ authId: disabled.authId, enabled: true, tokenKept: false })
    const truth = await truthList(owner, await customerCredentials(owner))
    expect(truth.find((s) => s.auth_id === disabled.authId)?.enabled).toBe(true)
  })

  it('an empty or unknown patch is refused before any request', async () => {
    const { app } = await signedIn()
    const [first] = (await list(app, PARTNER)).subAccounts
    for (const patch of [{}, { email: 'x@example.com' }, { name: '' }]) {
      expect(await failure(update(app, PARTNER, first!.authId, patch))).toMatchObject({
        kind: 'validation',
      })
    }
    expect(
      suite.api.state().requests['PUT /api/v1/accounts/{auth_id}/sub-accounts/{sub_auth_id}'],
    ).toBeUndefined()
  })

  it('updating an unknown sub-account is not found', async () => {
    const { app } = await signedIn()
    expect(await failure(update(app, PARTNER, 'SA_NOPE0000', { name: 'x' }))).toMatchObject({
      kind: 'not_found',
    })
  })

  it('deletes it: gone from Vobiz and the list, its token gone from this computer and refused', async () => {
    const { dir, app, profileId } = await signedIn()
    const keep = await created(app, PARTNER, { name: 'Stays' })
    const { subAccount } = await created(app, PARTNER, { name: 'Goes away' })
    const { authId } = subAccount
    await list(app, PARTNER)
    const token = await copiedToken(app, authId)
    expect(await accountObjectStatus(authId, token)).toBe(200)

    expect(await valueOf(remove(app, PARTNER, authId))).toEqual({ deleted: true })
    expect((await partnerTruth()).map((s) => s.auth_id)).not.toContain(authId)
    expect((await list(app, PARTNER)).subAccounts.map((s) => s.authId)).not.toContain(authId)
    const gone = await failure(copy(app, authId))
    expect(gone.kind).toBe('not_found')
    expect(gone.message).toContain(authId)
    expect((await failure(reveal(app, authId))).kind).toBe('not_found')
    expect((await failure(app.invoke('subaccounts:verify', { owner: PARTNER, authId }))).kind).toBe(
      'not_found',
    )
    // The encrypted file keeps only the other one.
    expect(Object.keys(await keptOnDisk(dir, profileId))).toEqual([keep.subAccount.authId])
    // The sandbox refuses the deleted sub-account's credentials.
    expect(await accountObjectStatus(authId, token)).toBe(401)
    // Offline, the saved list does not bring it back.
    suite.api.setFaults([{ kind: 'drop' }])
    const saved = await list(app, PARTNER)
    expect(saved.source).toBe('saved')
    expect(saved.subAccounts.map((s) => s.authId)).not.toContain(authId)
    expect(saved.subAccounts.map((s) => s.authId)).toContain(keep.subAccount.authId)
  })

  it('deleting an unknown (or already deleted) sub-account is not found, said plainly', async () => {
    const { app } = await signedIn()
    const error = await failure(remove(app, PARTNER, 'SA_NOPE0000'))
    expect(error.kind).toBe('not_found')
    expect(error.message).toContain('SA_NOPE0000')
    expect(error.message).toContain('deleted already')
    const { subAccount } = await created(app, PARTNER, { name: 'Twice' })
    await valueOf(remove(app, PARTNER, subAccount.authId))
    expect((await failure(remove(app, PARTNER, subAccount.authId))).kind).toBe('not_found')
  })

  it("deletes a customer's sub-account with the customer's credentials", async () => {
    const { app, customers } = await signedIn()
    const owner = customers[2]!
    const [first] = (await list(app, customer(owner))).subAccounts
    await valueOf(remove(app, customer(owner), first!.authId))
    const truth = await truthList(owner, await customerCredentials(owner))
    expect(truth.map((s) => s.auth_id)).not.toContain(first!.authId)
    expect(truth).toHaveLength(1)
    // The partner's path does not know it (another parent's sub-account).
    expect((await failure(remove(app, PARTNER, truth[0]!.auth_id))).kind).toBe('not_found')
  })

  it('a seeded sub-account (created elsewhere) has no token here: copy, reveal and verify say so', async () => {
    const { app } = await signedIn()
    const [seeded] = (await list(app, PARTNER)).subAccounts
    for (const pending of [
      copy(app, seeded!.authId),
      copy(app, seeded!.authId, 'env'),
      reveal(app, seeded!.authId),
      app.invoke('subaccounts:verify', { owner: PARTNER, authId: seeded!.authId }),
    ]) {
      const error = await failure(pending)
      expect(error.kind).toBe('not_found')
      expect(error.message).toContain(`The Auth Token of ${seeded!.authId} is not on this computer`)
    }
    expect(app.clipboard.current()).toBe('')
  })
})
