import type {
  AnalyticsView,
  CdrPage,
  CdrQuery,
  CdrRecord,
  UsagePeriod,
} from '../../../shared/usage'
import { analyticsViewSchema, CDR_PAGE_SIZE, cdrPageSchema } from '../../../shared/usage'
import type { CdrWireQuery } from '../vobiz/partner-requests'
import type { VobizClient } from '../vobiz/vobiz-client'
import type { UsageCache } from './usage-cache'
import { toAnalyticsView, toCdrPage, toCdrRecord } from './usage-views'

export type UsageServiceDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  cache: UsageCache
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
 * Usage read from Vobiz for the Usage screen: analytics for a period and call records, each
 * reading kept per profile and shown, with its age, while Vobiz cannot be reached.
 */
export function createUsageService(deps: UsageServiceDeps) {
  const client = async () => (await deps.session.activeClient()).client
  return {
    async analytics(period: UsagePeriod): Promise<AnalyticsView> {
      const { profileId, client } = await deps.session.activeClient()
      return deps.cache.read(
        profileId,
        `analytics ${period.from} ${period.to}`,
        analyticsViewSchema,
        async () => toAnalyticsView(await client.getAnalytics(period), period),
      )
    },
    async cdrs(query: CdrQuery): Promise<CdrPage> {
      const { profileId, client } = await deps.session.activeClient()
      const wire = cdrWireQuery(query)
      const live = async () =>
        toCdrPage(await client.listCdrs(query.authId ?? null, wire), {
          page: Number(wire.page),
          perPage: Number(wire.per_page),
        })
      // Only a list's first page is kept (with its summary): the pages read while scrolling a
      // long list would rewrite the cache file on every page.
      if (wire.page !== 1) return live()
      const key = `cdrs ${query.authId ?? '*'} ${JSON.stringify(wire)}`
      return deps.cache.read(profileId, key, cdrPageSchema, live)
    },
    async cdr(ref: { authId: string; uuid: string }): Promise<CdrRecord> {
      const raw = await (await client()).getCdr(ref.authId, ref.uuid)
      return toCdrRecord(raw, ref.authId)
    },
  }
}
