import type { z } from 'zod'
import {
  kycCreatedSchema,
  kycMessageSchema,
  kycSessionListSchema,
  kycSessionSchema,
  type KycCreatedWire,
  type KycSessionListWire,
  type KycSessionWire,
} from '../../../shared/vobiz-kyc'
import {
  analyticsSchema,
  cdrListSchema,
  cdrSchema,
  numberListSchema,
  type AnalyticsWire,
  type CdrListWire,
  type CdrWire,
  type NumberListWire,
} from '../../../shared/vobiz-usage'

/** The client's one way to the API: a request, its reply checked against `schema`. */
export type RequestFn = <S extends z.ZodType>(
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  schema: S,
  init?: { searchParams?: Record<string, string | number>; json?: unknown },
) => Promise<z.infer<S>>

export type KycSessionQuery = {
  page: number
  size: number
  status?: string | undefined
  accountAuthId?: string | undefined
}

/** The CDR query as the API names it (`start_date`/`end_date`, not from_date/to_date). */
export type CdrWireQuery = Partial<
  Record<
    | 'page'
    | 'per_page'
    | 'start_date'
    | 'end_date'
    | 'call_direction'
    | 'status'
    | 'hangup_cause'
    | 'min_duration',
    string | number
  >
>

/** The Partner API's usage, numbers and onboarding endpoints (partner-usage-and-onboarding.md). */
export type PartnerRequests = {
  /** Usage for inclusive days `YYYY-MM-DD` (the dashboard's shape). */
  getAnalytics(period: { from: string; to: string }): Promise<AnalyticsWire>
  /** One customer's call records, or (authId null) every customer's. */
  listCdrs(authId: string | null, query: CdrWireQuery): Promise<CdrListWire>
  /** One call, every field it has (the documented ones parsed, the rest kept as sent). */
  getCdr(authId: string, uuid: string): Promise<CdrWire & Record<string, unknown>>
  /** One customer's phone numbers, or (authId null) all the partner's. */
  listNumbers(
    authId: string | null,
    query: { page: number; perPage: number; search?: string },
  ): Promise<NumberListWire>
  /** KYC sessions, newest first; `status` and `account_auth_id` filter. */
  listKycSessions(query: KycSessionQuery): Promise<KycSessionListWire>
  getKycSession(id: string): Promise<KycSessionWire>
  /** Never retried; Vobiz revokes the account's active session silently. */
  createKycSession(body: Record<string, unknown>): Promise<KycCreatedWire>
  resendKycSession(id: string): Promise<void>
  revokeKycSession(id: string, reason?: string): Promise<void>
}

export function partnerRequests(
  request: RequestFn,
  accountPath: (authId: string) => string,
): PartnerRequests {
  const kycPath = (id: string) => `api/v1/partner/kyc-sessions/${encodeURIComponent(id)}`
  return {
    getAnalytics: ({ from, to }) =>
      request('get', 'api/v1/partner/analytics', analyticsSchema, {
        searchParams: { from_date: from, to_date: to },
      }),
    listCdrs: (authId, query) =>
      request(
        'get',
        authId === null ? 'api/v1/partner/cdrs' : `${accountPath(authId)}/cdrs`,
        cdrListSchema,
        { searchParams: query },
      ),
    getCdr: (authId, uuid) =>
      request('get', `${accountPath(authId)}/cdrs/${encodeURIComponent(uuid)}`, cdrSchema.loose()),
    listNumbers: (authId, { page, perPage, search }) =>
      request(
        'get',
        authId === null ? 'api/v1/partner/numbers' : `${accountPath(authId)}/numbers`,
        numberListSchema,
        { searchParams: { page, per_page: perPage, ...(search ? { search } : {}) } },
      ),
    listKycSessions: ({ page, size, status, accountAuthId }) =>
      request('get', 'api/v1/partner/kyc-sessions', kycSessionListSchema, {
        searchParams: {
          page,
          size,
          ...(status ? { status } : {}),
          ...(accountAuthId ? { account_auth_id: accountAuthId } : {}),
        },
      }),
    getKycSession: (id) => request('get', kycPath(id), kycSessionSchema),
    createKycSession: (body) =>
      request('post', 'api/v1/partner/kyc-sessions', kycCreatedSchema, { json: body }),
    resendKycSession: async (id) => {
      await request('post', `${kycPath(id)}/resend`, kycMessageSchema, { json: {} })
    },
    revokeKycSession: async (id, reason) => {
      await request('delete', kycPath(id), kycMessageSchema, reason ? { json: { reason } } : {})
    },
  }
}
