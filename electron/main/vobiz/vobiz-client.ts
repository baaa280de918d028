import ky, { type KyInstance } from 'ky'
import type { z } from 'zod'
import { AppFailure, appError } from '../../../shared/app-error'
import { ERROR_KINDS } from '../../../shared/error-kinds'
import type { NewCustomer } from '../../../shared/new-customer'
import {
  accountListSchema,
  createdAccountSchema,
  customerAccountSchema,
  customerBalanceSchema,
  partnerProfileSchema,
  type AccountList,
  type CreatedAccount,
  type CustomerAccount,
  type CustomerBalance,
  type PartnerProfile,
  type TransactionList,
  type TransferReply,
  transactionListSchema,
  transferReplySchema,
  accountObjectSchema,
  createdSubAccountSchema,
  deletedSchema,
  subAccountListSchema,
  subAccountSchema,
  type AccountObject,
  dashboardSchema,
  type Dashboard,
  type CreatedSubAccount,
  type SubAccount,
  type SubAccountList,
} from '../../../shared/vobiz'
import type { Logger } from '../platform/logger'
import { systemClock, type Clock, type FetchPort } from '../platform/ports'
import { capacityRequests, type CapacityRequests } from './capacity-requests'
import { partnerRequests, type PartnerRequests } from './partner-requests'
import { requestErrorToAppError } from './vobiz-errors'

export type VobizCredentials = { baseUrl: string; authId: string; authToken: string }

export type VobizClientOptions = VobizCredentials & {
  fetch?: FetchPort
  logger?: Logger
  /** Per attempt. */
  timeoutMs?: number
  /** For a GET with all its retries. */
  totalTimeoutMs?: number
  retryLimit?: number
  /** A 429 asking to wait longer than this is reported instead of waited out. */
  maxRetryAfterMs?: number
  backoffBaseMs?: number
  /** Times requests for the log and dates a Retry-After (default: the system clock). */
  clock?: Clock
}

export type ListAccountsQuery = {
  page?: number
  perPage?: number
  search?: string
  /** Aborts the request (and its retries), e.g. when a sync is cancelled. */
  signal?: AbortSignal
}

export type VobizClient = {
  getPartner(): Promise<PartnerProfile>
  /** The partner dashboard (its `currency` stands in for a /me without one). */
  getDashboard(): Promise<Dashboard>
  listAccounts(query?: ListAccountsQuery): Promise<AccountList>
  getAccount(authId: string): Promise<CustomerAccount>
  getBalance(authId: string): Promise<CustomerBalance>
  /** Never retried: a lost reply surfaces as `unknown_outcome`. */
  createAccount(body: NewCustomer): Promise<CreatedAccount>
  /** Never retried: a lost reply is resolved by reading the ledger. */
  transferBalance(
    authId: string,
    body: { amount: number; currency: string; description: string },
  ): Promise<TransferReply>
  /** Sub-accounts of `parent`, an account these credentials belong to (the Sub-account API). */
  listSubAccounts(parent: string, query?: { page?: number; size?: number }): Promise<SubAccountList>
  createSubAccount(parent: string, body: Record<string, unknown>): Promise<CreatedSubAccount>
  updateSubAccount(parent: string, sub: string, patch: Record<string, unknown>): Promise<SubAccount>
  deleteSubAccount(parent: string, sub: string): Promise<void>
  /**
   * The account object of the account these credentials belong to: `GET /api/v1/auth/me`
   * (more-endpoints.md), the older `/api/v1/Account/{auth_id}/` only when that path is a 404.
   */
  getAccountObject(authId: string): Promise<AccountObject>
  /** One customer's ledger, or (authId null) the ledger across all customers. */
  listTransactions(authId: string | null, query?: TransactionQuery): Promise<TransactionList>
} & PartnerRequests &
  CapacityRequests

export type TransactionQuery = {
  page?: number
  perPage?: number
  type?: string
  /** Inclusive days, `YYYY-MM-DD`. */
  fromDate?: string
  toDate?: string
}

const RETRY_STATUSES = [429, 500, 502, 503, 504]

/** The Partner API client. Lives in the main process only; holds the partner token. */
export function createVobizClient(options: VobizClientOptions): VobizClient {
  const host = new URL(options.baseUrl).host
  const logger = options.logger
  const clock = options.clock ?? systemClock
  logger?.addSecret(options.authToken)
  const backoff = options.backoffBaseMs ?? 300
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000

  const http: KyInstance = ky.create({
    baseUrl: options.baseUrl.replace(/\/*$/, '/'),
    fetch: options.fetch,
    timeout: options.timeoutMs ?? 15_000,
    totalTimeout: options.totalTimeoutMs ?? 45_000,
    headers: {
      'X-Auth-ID': options.authId,
      'X-Auth-Token': options.authToken,
      Accept: 'application/json',
    },
    retry: {
      limit: options.retryLimit ?? 3,
      methods: ['get'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      backoffLimit: 5_000,
      delay: (attempt) => backoff * 2 ** (attempt - 1),
      jitter: (delay) => delay * (0.8 + Math.random() * 0.4),
      shouldRetry: ({ error }) => {
        const response = (error as { response?: Response }).response
        const after = Number(response?.headers.get('retry-after'))
        if (response?.status === 429 && Number.isFinite(after) && after * 1000 > maxRetryAfterMs) {
          return false
        }
        return undefined
      },
    },
  })

  async function request<S extends z.ZodType>(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    schema: S,
    init: {
      searchParams?: Record<string, string | number>
      json?: unknown
      signal?: AbortSignal
    } = {},
  ): Promise<z.infer<S>> {
    const mutating = method !== 'get'
    const started = clock.now()
    let text: string
    let status = 0
    try {
      const response = await http(path, {
        method,
        searchParams: init.searchParams,
        json: init.json,
        ...(init.signal ? { signal: init.signal } : {}),
        ...(mutating ? { retry: { limit: 0 } } : {}),
      })
      status = response.status
      text = await response.text()
    } catch (error) {
      const mapped = requestErrorToAppError(error, host, mutating, clock.now())
      logger?.warn('vobiz request failed', {
        method,
        path,
        kind: mapped.kind,
        ms: clock.now() - started,
      })
      throw new AppFailure(mapped)
    }
    logger?.debug('vobiz request', { method, path, status, ms: clock.now() - started })
    const parsed = schema.safeParse(safeJson(text))
    if (!parsed.success) {
      logger?.warn('vobiz reply did not match its schema', { method, path, status })
      throw new AppFailure(
        mutating
          ? appError.unknownOutcome(ERROR_KINDS.unknown_outcome.unreadable(host))
          : appError.server(ERROR_KINDS.server.unreadable(host), status),
      )
    }
    return parsed.data
  }

  const accountPath = (authId: string) => `api/v1/partner/accounts/${encodeURIComponent(authId)}`
  // The endpoint pages' path (more-endpoints.md, quirks): slash on the collection, none on an item.
  const subAccountsPath = (parent: string) =>
    `api/v1/accounts/${encodeURIComponent(parent)}/sub-accounts/`
  const subAccountPath = (parent: string, sub: string) =>
    `api/v1/accounts/${encodeURIComponent(parent)}/sub-accounts/${encodeURIComponent(sub)}`

  return {
    getPartner: () => request('get', 'api/v1/partner/me', partnerProfileSchema),
    getDashboard: () => request('get', 'api/v1/partner/dashboard', dashboardSchema),
    listAccounts: ({ page = 1, perPage = 100, search, signal } = {}) =>
      request('get', 'api/v1/partner/accounts', accountListSchema, {
        searchParams: { page, per_page: perPage, ...(search ? { search } : {}) },
        ...(signal ? { signal } : {}),
      }),
    getAccount: (authId) => request('get', accountPath(authId), customerAccountSchema),
    getBalance: (authId) => request('get', `${accountPath(authId)}/balance`, customerBalanceSchema),
    createAccount: (body) =>
      request('post', 'api/v1/partner/accounts', createdAccountSchema, { json: body }),
    transferBalance: (authId, body) =>
      request('post', `${accountPath(authId)}/transfer-balance`, transferReplySchema, {
        json: body,
      }),
    listSubAccounts: (parent, { page = 1, size = 100 } = {}) =>
      request('get', subAccountsPath(parent), subAccountListSchema, {
        searchParams: { page, size },
      }),
    createSubAccount: (parent, body) =>
      request('post', subAccountsPath(parent), createdSubAccountSchema, { json: body }),
    updateSubAccount: (parent, sub, patch) =>
      request('put', subAccountPath(parent, sub), subAccountSchema, { json: patch }),
    deleteSubAccount: async (parent, sub) => {
      await request('delete', subAccountPath(parent, sub), deletedSchema)
    },
    getAccountObject: async (authId) => {
      try {
        return await request('get', 'api/v1/auth/me', accountObjectSchema)
      } catch (error) {
        if (!(error instanceof AppFailure) || error.appError.kind !== 'not_found') throw error
        return request('get', `api/v1/Account/${encodeURIComponent(authId)}/`, accountObjectSchema)
      }
    },
    listTransactions: (authId, { page = 1, perPage = 100, type, fromDate, toDate } = {}) =>
      request(
        'get',
        authId === null ? 'api/v1/partner/transactions' : `${accountPath(authId)}/transactions`,
        transactionListSchema,
        {
          searchParams: {
            page,
            per_page: perPage,
            ...(type ? { transaction_type: type } : {}),
            ...(fromDate ? { from_date: fromDate } : {}),
            ...(toDate ? { to_date: toDate } : {}),
          },
        },
      ),
    ...partnerRequests(request, accountPath),
    ...capacityRequests(request, accountPath),
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
