import type {
  AnalyticsView,
  CdrPage,
  CdrQuery,
  CdrRecord,
  UsagePeriod,
} from '../../../shared/usage'
import { CDR_PAGE_SIZE } from '../../../shared/usage'
import type { CdrWireQuery, VobizClient } from '../vobiz/vobiz-client'
import { toAnalyticsView, toCdrPage, toCdrRecord } from './usage-views'

export type UsageServiceDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
}

export type UsageService = ReturnType<typeof createUsageService>

/** The CDR query as the API names it: `start_date`/`end_date` (not from_date/to_date). */
export function cdrWireQuery(query: CdrQuery): CdrWireQuery {
  return {
    page: query.page ?? 1,
    per_page: query.perPage ?? CDR_PAGE_SIZE,
    ...(query.from ? { start_date: query.from } : {}),
    ...(query.to ? { end_date: query.to } : {}),
    ...(query.direction ? { call_direction: query.direction } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.hangupCause ? { hangup_cause: query.hangupCause } : {}),
    ...(query.minDuration !== undefined ? { min_duration: query.minDuration } : {}),
  }
}

/**
 * Usage read from Vobiz for the Usage screen: analytics for a period and call records. Nothing
 * is cached yet; a failure reaches the screen, which keeps what it showed.
 */
export function createUsageService(deps: UsageServiceDeps) {
  const client = async () => (await deps.session.activeClient()).client
  return {
    async analytics(period: UsagePeriod): Promise<AnalyticsView> {
      return toAnalyticsView(await (await client()).getAnalytics(period), period)
    },
    async cdrs(query: CdrQuery): Promise<CdrPage> {
      const wire = cdrWireQuery(query)
      const reply = await (await client()).listCdrs(query.authId ?? null, wire)
      return toCdrPage(reply, { page: Number(wire.page), perPage: Number(wire.per_page) })
    },
    async cdr(ref: { authId: string; uuid: string }): Promise<CdrRecord> {
      const raw = await (await client()).getCdr(ref.authId, ref.uuid)
      return toCdrRecord(raw, ref.authId)
    },
  }
}
