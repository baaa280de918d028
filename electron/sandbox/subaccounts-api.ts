import type { Principal } from './account-auth'
import { customerAccountJson, partnerAccountJson, subAccountAccountJson } from './account-shapes'
import { errorReply, parseJson, reply, type Reply } from './http'
import { validationReply } from './partner-api'
import { createdSubAccountJson, subAccountJson } from './subaccount-shapes'
import { validateNewSubAccount, validateSubAccountChanges } from './subaccount-validation'
import type { Store } from './store'
import type { FieldError } from './validation'

export const DEFAULT_SUB_ACCOUNT_PAGE_SIZE = 25
export const MAX_SUB_ACCOUNT_PAGE_SIZE = 100

/**
 * The account routes' handlers (both path forms), the caller authenticated as `principal`.
 * `authId` is the account named in the path, `subAuthId` the sub-account's auth id (SA_…).
 */
export type SubAccountsApi = {
  account(principal: Principal, authId: string): Reply
  list(principal: Principal, authId: string, query: URLSearchParams): Reply
  create(principal: Principal, authId: string, bodyText: string): Reply
  retrieve(principal: Principal, authId: string, subAuthId: string): Reply
  update(principal: Principal, authId: string, subAuthId: string, bodyText: string): Reply
  remove(principal: Principal, authId: string, subAuthId: string): Reply
}

type Parent = { authId: string; accountId: string }

const notYours = (): Reply =>
  errorReply(
    403,
    'forbidden',
    'The auth_id in the path must be the account these credentials belong to.',
  )

function pageQuery(query: URLSearchParams) {
  const errors: FieldError[] = []
  const int = (name: string, fallback: number): number => {
    const raw = query.get(name)
    if (raw === null) return fallback
    const value = Number(raw)
    if (/^\d+$/.test(raw) && Number.isSafeInteger(value) && value >= 1) return value
    errors.push({ field: name, message: `${name} must be a whole number of at least 1.` })
    return fallback
  }
  const page = int('page', 1)
  const size = Math.min(MAX_SUB_ACCOUNT_PAGE_SIZE, int('size', DEFAULT_SUB_ACCOUNT_PAGE_SIZE))
  const rawActive = query.get('active_only')?.toLowerCase() ?? 'false'
  const activeOnly = rawActive === 'true' || rawActive === '1'
  if (!activeOnly && rawActive !== 'false' && rawActive !== '0') {
    errors.push({ field: 'active_only', message: 'active_only must be true or false.' })
  }
  return { errors, page, size, activeOnly }
}

export function createSubAccountsApi(store: Store, now: () => number): SubAccountsApi {
  const subs = store.subAccounts

  /** The path's account if it is the caller and may own sub-accounts, else the refusal. */
  const parentFor = (
    principal: Principal,
    authId: string,
  ): { ok: true; parent: Parent } | { ok: false; reply: Reply } => {
    if (principal.authId !== authId) return { ok: false, reply: notYours() }
    if (principal.kind === 'sub_account') {
      return {
        ok: false,
        reply: errorReply(403, 'forbidden', 'A sub-account cannot have sub-accounts of its own.'),
      }
    }
    const accountId =
      principal.kind === 'partner' ? String(store.partner.account_id) : store.get(authId)?.id
    if (accountId === undefined) return { ok: false, reply: notYours() }
    return { ok: true, parent: { authId, accountId } }
  }

  const notFound = (parent: Parent, subAuthId: string): Reply =>
    errorReply(
      404,
      'not_found',
      `No sub-account with auth_id ${subAuthId.slice(0, 64)} under account ${parent.authId}.`,
    )

  const needsEmail = (): Reply =>
    errorReply(400, 'bad_request', 'A customer_use sub-account needs an email address.', {
      errors: [
        { field: 'email', message: 'Set an email before (or while) choosing customer_use.' },
      ],
    })

  return {
    account(principal, authId) {
      if (principal.authId !== authId) return notYours()
      if (principal.kind === 'partner') return reply(200, partnerAccountJson(store.partner))
      if (principal.kind === 'customer') {
        const customer = store.get(authId)
        return customer ? reply(200, customerAccountJson(customer)) : notYours()
      }
      const sub = subs.byAuthId(authId)
      if (!sub) return notYours()
      if (sub.parentAuthId === store.partner.auth_id) {
        return reply(200, subAccountAccountJson(sub, { kind: 'partner', record: store.partner }))
      }
      const customer = store.get(sub.parentAuthId)
      return customer
        ? reply(200, subAccountAccountJson(sub, { kind: 'customer', record: customer }))
        : notYours()
    },

    list(principal, authId, query) {
      const owner = parentFor(principal, authId)
      if (!owner.ok) return owner.reply
      const { errors, page, size, activeOnly } = pageQuery(query)
      if (errors.length > 0) return validationReply(errors)
      const { items, total } = subs.list(authId, { page, size, activeOnly })
      return reply(200, { sub_accounts: items.map((s) => subAccountJson(s)), total, page, size })
    },

    create(principal, authId, bodyText) {
      const owner = parentFor(principal, authId)
      if (!owner.ok) return owner.reply
      const parsed = parseJson(bodyText)
      if (!parsed.ok) return parsed.reply
      const result = validateNewSubAccount(parsed.value)
      if (!result.ok) return validationReply(result.errors)
      const created = subs.create(owner.parent, result.value)
      return reply(201, createdSubAccountJson(created, now()))
    },

    retrieve(principal, authId, subAuthId) {
      const owner = parentFor(principal, authId)
      if (!owner.ok) return owner.reply
      const sub = subs.get(authId, subAuthId)
      return sub ? reply(200, subAccountJson(sub)) : notFound(owner.parent, subAuthId)
    },

    update(principal, authId, subAuthId, bodyText) {
      const owner = parentFor(principal, authId)
      if (!owner.ok) return owner.reply
      const current = subs.get(authId, subAuthId)
      if (!current) return notFound(owner.parent, subAuthId)
      const parsed = parseJson(bodyText)
      if (!parsed.ok) return parsed.reply
      const result = validateSubAccountChanges(parsed.value)
      if (!result.ok) return validationReply(result.errors)
      const changes = result.value
      const email = changes.email === undefined ? current.email : changes.email
      if ((changes.kycMode ?? current.kycMode) === 'customer_use' && email === null) {
        return needsEmail()
      }
      const updated = subs.update(subAuthId, changes)
      return updated ? reply(200, subAccountJson(updated)) : notFound(owner.parent, subAuthId)
    },

    remove(principal, authId, subAuthId) {
      const owner = parentFor(principal, authId)
      if (!owner.ok) return owner.reply
      if (!subs.get(authId, subAuthId)) return notFound(owner.parent, subAuthId)
      subs.remove(subAuthId)
      return reply(200, { message: 'Sub-account deleted successfully' })
    },
  }
}
