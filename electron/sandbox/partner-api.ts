import { errorReply, parseJson, reply, type Reply } from './http'
import {
  accountJson,
  accountListItemJson,
  balanceJson,
  createdAccountJson,
  partnerProfileJson,
} from './shapes'
import type { Store } from './store'
import { validateNewCustomer, type FieldError } from './validation'

export const DEFAULT_PER_PAGE = 20
export const MAX_PER_PAGE = 100

/** The Partner API's handlers, auth already checked. Each returns the reply it would send. */
export type PartnerApi = {
  me(): Reply
  listAccounts(query: URLSearchParams): Reply
  createAccount(bodyText: string): Reply
  getAccount(authId: string): Reply
  getBalance(authId: string): Reply
}

export const validationReply = (errors: FieldError[], message?: string): Reply =>
  errorReply(
    422,
    'validation_error',
    message ?? `Request validation failed: ${errors.map((e) => e.field).join(', ')}.`,
    { errors },
  )

/** A positive whole number in decimal digits, or the default when the parameter is absent. */
function positiveInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  errors: FieldError[],
): number {
  const raw = query.get(name)
  if (raw === null) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    errors.push({ field: name, message: `${name} must be a whole number of at least 1.` })
    return fallback
  }
  return value
}

export function createPartnerApi(store: Store, now: () => number): PartnerApi {
  const notFound = (authId: string): Reply =>
    errorReply(
      404,
      'not_found',
      `No customer account with auth_id ${authId.slice(0, 64)} under this partner.`,
    )

  return {
    me: () => reply(200, partnerProfileJson(store.partner, store.customerCount, now())),

    listAccounts(query) {
      const errors: FieldError[] = []
      const page = positiveInt(query, 'page', 1, errors)
      const perPage = Math.min(
        MAX_PER_PAGE,
        positiveInt(query, 'per_page', DEFAULT_PER_PAGE, errors),
      )
      if (errors.length > 0) return validationReply(errors)
      const search = (query.get('search') ?? '').trim()
      const { items, total } = store.list({ page, size: perPage, search })
      const at = now()
      const partnerId = store.partner.id
      return reply(200, {
        accounts: items.map((c) => accountListItemJson(c, partnerId, at)),
        total,
        page,
        size: perPage,
      })
    },

    createAccount(bodyText) {
      const partner = store.partner
      if (!partner.can_create_accounts) {
        return errorReply(
          403,
          'forbidden',
          'This partner may not create customer accounts (can_create_accounts is false).',
        )
      }
      if (store.customerCount >= partner.max_accounts) {
        return errorReply(
          403,
          'forbidden',
          `This partner has reached its max_accounts limit of ${partner.max_accounts} customers.`,
        )
      }
      const parsed = parseJson(bodyText)
      if (!parsed.ok) return parsed.reply
      const result = validateNewCustomer(parsed.value, store.emailTaken)
      if (!result.ok) return validationReply(result.errors)
      return reply(201, createdAccountJson(store.create(result.value)))
    },

    getAccount(authId) {
      const customer = store.get(authId)
      return customer
        ? reply(200, accountJson(customer, store.partner.id, now()))
        : notFound(authId)
    },

    getBalance(authId) {
      const customer = store.get(authId)
      return customer ? reply(200, balanceJson(customer, now())) : notFound(authId)
    },
  }
}
