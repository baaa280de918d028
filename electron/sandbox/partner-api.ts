import { httpErrorReply, parseJson, reply, type Reply } from './http'
import {
  accountJson,
  accountListItemJson,
  balanceJson,
  createdAccountJson,
  partnerProfileJson,
} from './shapes'
import { isDay } from '../../shared/day'
import { moneyToDecimalString, parseMoney } from '../../shared/money'
import { TRANSACTION_TYPE_ALIASES, TRANSACTION_TYPES, transactionJson } from './ledger'
import { accountTimestamp } from './model'
import type { Store } from './store'
import { validateNewCustomer, type FieldError } from './validation'

export const DEFAULT_PER_PAGE = 20
export const MAX_PER_PAGE = 100
export const MAX_TRANSACTIONS_PER_PAGE = 200

/** The Partner API's handlers, auth already checked. Each returns the reply it would send. */
export type PartnerApi = {
  me(): Reply
  listAccounts(query: URLSearchParams): Reply
  createAccount(bodyText: string): Reply
  getAccount(authId: string): Reply
  getBalance(authId: string): Reply
  transferBalance(authId: string, bodyText: string): Reply
  transactions(query: URLSearchParams, authId?: string): Reply
}

/** The documented transfer body: a positive `amount` (a number), the partner's `currency`. */
function validateTransfer(
  body: unknown,
  partnerCurrency: string,
):
  | { ok: true; amountUnits: bigint; description: string | null }
  | { ok: false; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ field: 'body', message: 'The body must be a JSON object.' }] }
  }
  const { amount, currency, description } = body as Record<string, unknown>
  const errors: FieldError[] = []
  let amountUnits = 0n
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    errors.push({ field: 'amount', message: 'amount is required, as a number.' })
  } else if (!/^\d+(\.\d{1,5})?$/.test(String(amount))) {
    errors.push({ field: 'amount', message: 'amount must be positive, with at most 5 decimals.' })
  } else {
    amountUnits = parseMoney(amount)?.units ?? 0n
    if (amountUnits <= 0n) errors.push({ field: 'amount', message: 'amount must be positive.' })
  }
  if (currency !== partnerCurrency) {
    errors.push({
      field: 'currency',
      message: `currency must be the partner's currency, ${partnerCurrency}.`,
    })
  }
  if (description !== undefined && description !== null) {
    if (typeof description !== 'string' || description.length > 255) {
      errors.push({
        field: 'description',
        message: 'description is text of at most 255 characters.',
      })
    }
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    amountUnits,
    description: typeof description === 'string' ? description : null,
  }
}

/**
 * The documented 422 (more-endpoints.md, quirks): pydantic style, `loc` ending with the field.
 * `type` is the sandbox's word: the docs name the key only.
 */
export const validationReply = (errors: FieldError[], message?: string): Reply =>
  reply(422, {
    error: 'ValidationError',
    message: message ?? 'Request validation failed',
    details: errors.map((e) => ({
      type: 'value_error',
      loc: ['body', ...e.field.split('.')],
      msg: e.message,
    })),
    status_code: 422,
  })

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
    httpErrorReply(
      404,
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
        return httpErrorReply(
          403,
          'This partner may not create customer accounts (can_create_accounts is false).',
        )
      }
      if (store.customerCount >= partner.max_accounts) {
        return httpErrorReply(
          403,
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

    transferBalance(authId, bodyText) {
      const partner = store.partner
      if (!partner.can_transfer_balance) {
        return httpErrorReply(
          403,
          'This partner may not transfer balance (can_transfer_balance is false).',
        )
      }
      if (!store.get(authId)) return notFound(authId)
      const parsed = parseJson(bodyText)
      if (!parsed.ok) return parsed.reply
      const checked = validateTransfer(parsed.value, partner.currency)
      if (!checked.ok) return validationReply(checked.errors)
      const result = store.transfer(authId, checked.amountUnits, checked.description)
      if (!result.ok) {
        return result.reason === 'not_found'
          ? notFound(authId)
          : // The documented flat body of a refused transfer.
            reply(400, {
              error: 'insufficient_balance',
              message: 'The partner balance does not cover this transfer.',
              current_balance: Number(moneyToDecimalString({ units: result.availableUnits })),
              requested_amount: Number(moneyToDecimalString({ units: checked.amountUnits })),
              currency: partner.currency,
            })
      }
      const r = result.record
      return reply(200, {
        transaction_id: r.transactionId,
        from_account: r.from,
        to_account: r.to,
        amount: Number(moneyToDecimalString({ units: r.amountUnits })),
        currency: r.currency,
        description: r.description,
        status: 'completed',
        // JSON numbers, as documented (the balances elsewhere are 5-decimal strings).
        partner_balance_after: Number(moneyToDecimalString({ units: r.partnerBalanceAfterUnits })),
        customer_balance_after: Number(
          moneyToDecimalString({ units: r.customerBalanceAfterUnits }),
        ),
        timestamp: accountTimestamp(r.atMs),
      })
    },

    transactions(query, authId) {
      if (authId !== undefined && !store.get(authId)) return notFound(authId)
      const errors: FieldError[] = []
      const page = positiveInt(query, 'page', 1, errors)
      // The newest page: max 200, over it a 422 (an older page said 100).
      const perPage = positiveInt(query, 'per_page', DEFAULT_PER_PAGE, errors)
      if (perPage > MAX_TRANSACTIONS_PER_PAGE) {
        errors.push({
          field: 'per_page',
          message: `per_page must be at most ${MAX_TRANSACTIONS_PER_PAGE}.`,
        })
      }
      const typeText = query.get('transaction_type')
      const type =
        typeText === null
          ? undefined
          : (TRANSACTION_TYPE_ALIASES[typeText] ??
            TRANSACTION_TYPES.find((known) => known === typeText))
      if (typeText !== null && type === undefined) {
        errors.push({
          field: 'transaction_type',
          message: `transaction_type must be one of ${TRANSACTION_TYPES.join(', ')}.`,
        })
      }
      const day = (name: 'from_date' | 'to_date', end: boolean): number | undefined => {
        const raw = query.get(name)
        if (raw === null) return undefined
        if (!isDay(raw)) {
          errors.push({ field: name, message: `${name} must be a date as YYYY-MM-DD.` })
          return undefined
        }
        const ms = Date.parse(`${raw}T00:00:00Z`)
        return end ? ms + 24 * 3600_000 - 1 : ms
      }
      const fromMs = day('from_date', false)
      const toMs = day('to_date', true)
      if (errors.length > 0) return validationReply(errors)
      // `account` and `search` belong to the global endpoint only.
      const account = authId ?? query.get('account') ?? undefined
      const searchText = authId === undefined ? (query.get('search') ?? '').trim() : ''
      const { items, total, summary } = store.ledger.query({
        ...(account === undefined ? {} : { authId: account }),
        ...(type === undefined ? {} : { type }),
        ...(fromMs === undefined ? {} : { fromMs }),
        ...(toMs === undefined ? {} : { toMs }),
        ...(searchText
          ? {
              search: {
                text: searchText,
                account: (id: string) =>
                  store.get(id)?.name.toLowerCase().includes(searchText.toLowerCase()) === true,
              },
            }
          : {}),
        page,
        size: perPage,
      })
      return reply(200, {
        transactions: items.map(transactionJson),
        summary,
        total,
        page,
        per_page: perPage,
        total_pages: Math.ceil(total / perPage),
        // The docs name the field, not its value on the global endpoint: null unless one account.
        account_auth_id: account ?? null,
      })
    },
  }
}
