import { exactDecimal } from '../../../shared/money'
import type {
  AnalyticsView,
  CallFigures,
  CdrPage,
  CdrRecord,
  CdrRow,
  CdrSummaryView,
} from '../../../shared/usage'
import type {
  AnalyticsWire,
  CallFiguresWire,
  CdrListWire,
  CdrWire,
} from '../../../shared/vobiz-usage'

/** A figure the API gave as a number or numeric string; null when it is neither. */
function numberOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}
const count = (value: string | number | null | undefined) => Math.max(0, numberOf(value) ?? 0)

function figures(wire: CallFiguresWire | null | undefined): CallFigures {
  return {
    calls: Math.trunc(count(wire?.total_calls)),
    answered: Math.trunc(count(wire?.answered_calls)),
    minutes: count(wire?.total_minutes),
    cost: exactDecimal(wire?.total_cost) ?? '0.00000',
  }
}

const PRODUCT_NAMES: Record<string, string> = {
  sip_trunking: 'SIP trunking',
  voice_api: 'Voice API',
}
const productName = (key: string) =>
  PRODUCT_NAMES[key] ?? key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

/**
 * The analytics reply as the Usage screen shows it. The period falls back to the one asked for
 * when the reply has none; a series point without figures counts as zero calls.
 */
export function toAnalyticsView(
  wire: AnalyticsWire,
  asked: { from: string; to: string },
): AnalyticsView {
  return {
    period: { from: wire.period?.from ?? asked.from, to: wire.period?.to ?? asked.to },
    currency: wire.currency ?? null,
    totals: figures(wire.calls),
    inbound: figures(wire.traffic?.inbound),
    outbound: figures(wire.traffic?.outbound),
    byProduct: Object.entries(wire.by_product ?? {}).map(([key, value]) => ({
      product: productName(key),
      figures: figures(value),
    })),
    series: (wire.time_series ?? [])
      .map((point) => ({ date: point.date, ...figures(point) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    savedAt: null,
  }
}

export function toCdrRow(wire: CdrWire): CdrRow {
  return {
    uuid: wire.uuid,
    authId: wire.account_id ?? null,
    direction: wire.call_direction ?? null,
    from: wire.caller_id_number ?? null,
    to: wire.destination_number ?? null,
    startedAt: wire.start_time ?? null,
    duration: numberOf(wire.duration),
    billsec: numberOf(wire.billsec),
    hangupCause: wire.hangup_cause ?? null,
    // `total_cost` includes streaming; `cost` alone where a server gives only that.
    cost: exactDecimal(wire.total_cost ?? wire.cost),
    currency: wire.currency ?? null,
  }
}

function summaryOf(wire: CdrListWire['summary']): CdrSummaryView | null {
  if (!wire) return null
  const average = wire.avgCallDuration
  return {
    calls: numberOf(wire.totalCalls),
    answered: numberOf(wire.answeredCalls),
    answerRate: numberOf(wire.answerRate),
    averageDuration:
      average === null || average === undefined
        ? null
        : typeof average === 'number'
          ? `${average}s`
          : average,
    billableSeconds: numberOf(wire.total_billable_seconds),
    cost: exactDecimal(wire.total_cost),
    lastCallAt: wire.last_call_at ?? null,
  }
}

/**
 * A page of calls. `pagination` is documented; a server without it is read from the page alone
 * (the rows, and whether the page was full).
 */
export function toCdrPage(wire: CdrListWire, asked: { page: number; perPage: number }): CdrPage {
  const rows = wire.data.map(toCdrRow)
  const perPage = Math.max(1, count(wire.pagination?.per_page) || asked.perPage)
  const page = Math.max(1, count(wire.pagination?.page) || asked.page)
  const fallbackTotal = (page - 1) * perPage + rows.length + (rows.length === perPage ? 1 : 0)
  const total = Math.trunc(numberOf(wire.pagination?.total) ?? fallbackTotal)
  return {
    rows,
    total,
    page,
    perPage,
    pages: Math.trunc(numberOf(wire.pagination?.pages) ?? Math.ceil(total / perPage)),
    summary: summaryOf(wire.summary),
    savedAt: null,
  }
}

/** One call's whole record, every field the API gave (objects flattened to JSON text). */
export function toCdrRecord(wire: CdrWire & Record<string, unknown>, authId: string): CdrRecord {
  const fields = Object.entries(wire).map(([key, value]): CdrRecord['fields'][number] => [
    key,
    value === null || ['string', 'number', 'boolean'].includes(typeof value)
      ? (value as string | number | boolean | null)
      : JSON.stringify(value),
  ])
  return { uuid: wire.uuid, authId, fields }
}
