import { useCallback, useId, useMemo, useState } from 'react'
import type { CdrFilters as CdrQueryFilters, CdrRow, UsagePeriod } from '../../../../shared/usage'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SavedReading } from '../../components/SavedReading'
import { SelectField } from '../../components/SelectField'
import { Spinner } from '../../components/Spinner'
import { DateRangeFields } from '../../components/DateRangeFields'
import { formatDayRange } from '../../../../shared/date-format'
import { describeError } from '../../lib/error-messages'
import { useCustomersStore } from '../../stores/customers-store'
import { useNavigationStore } from '../../stores/navigation-store'
import { useSessionStore } from '../../stores/session-store'
import { BulkStatements } from '../statements/BulkStatements'
import { CdrDialog } from './CdrDialog'
import { CdrFilters, cdrDraftErrors, NO_CDR_FILTERS, type CdrFilterDraft } from './CdrFilters'
import { CdrExport } from './CdrExport'
import { CdrList } from './CdrList'
import { UsageChart } from './UsageChart'
import { UsageFigures } from './UsageFigures'
import { countText } from './usage-format'
import { PERIOD_PRESETS, PRESET_LABELS, periodOf, type PeriodPreset } from './usage-period'
import { useAnalytics, useCdrPages } from './use-usage'
import { CostText } from './CostText'

/** The filters as main takes them, or null while the draft has a field error. */
function cdrFilters(
  period: UsagePeriod,
  draft: CdrFilterDraft,
  authId: string | undefined,
): CdrQueryFilters | null {
  if (Object.keys(cdrDraftErrors(draft)).length > 0 || period.from > period.to) return null
  return {
    ...(authId ? { authId } : {}),
    from: period.from,
    to: period.to,
    ...(draft.direction ? { direction: draft.direction as 'inbound' | 'outbound' } : {}),
    ...(draft.status ? { status: draft.status as CdrQueryFilters['status'] & string } : {}),
    ...(draft.hangupCause.trim() ? { hangupCause: draft.hangupCause.trim().toUpperCase() } : {}),
    ...(draft.minDuration.trim() ? { minDuration: Number(draft.minDuration) } : {}),
  }
}

/** Partner-wide usage: analytics for a period, and the calls of that period. */
export function UsageScreen() {
  const rows = useCustomersStore((s) => s.rows)
  const offline = useCustomersStore((s) => s.network?.online === false)
  const canViewCdrs = useSessionStore((s) => s.session?.partner?.permissions.viewCdrs ?? true)
  const names = useMemo(() => new Map(rows.map((row) => [row.authId, row.name])), [rows])
  const customerName = useCallback(
    (authId: string | null) => (authId ? (names.get(authId) ?? authId) : '—'),
    [names],
  )
  const [preset, setPreset] = useState<PeriodPreset>('7days')
  const [custom, setCustom] = useState<UsagePeriod>(() =>
    periodOf('7days', new Date(), { from: '', to: '' }),
  )
  const period = periodOf(preset, new Date(), custom)
  const periodOk = period.from !== '' && period.to !== '' && period.from <= period.to
  const analytics = useAnalytics(periodOk ? period : null, offline)
  const [draft, setDraft] = useState<CdrFilterDraft>(NO_CDR_FILTERS)
  const customer = useNavigationStore((s) => s.usageCustomer)
  const clearCustomer = useNavigationStore((s) => s.clearUsageCustomer)
  const filters = canViewCdrs && periodOk ? cdrFilters(period, draft, customer?.authId) : null
  const calls = useCdrPages(filters)
  const [open, setOpen] = useState<CdrRow | null>(null)
  const tableId = useId()

  return (
    <div className="usage-screen">
      <section className="card screen-card" aria-labelledby="usage-heading">
        <h2 id="usage-heading" className="section-title">
          Usage
        </h2>
        <div className="usage-period" role="group" aria-label="Usage period">
          <SelectField
            label="Period"
            value={preset}
            onChange={(e) => setPreset(e.target.value as PeriodPreset)}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
          </SelectField>
          {preset === 'custom' && (
            <DateRangeFields from={custom.from} to={custom.to} onChange={setCustom} />
          )}
          <p className="section-note usage-period-days" data-testid="usage-period">
            {periodOk ? formatDayRange(period.from, period.to) : 'Choose both days.'}
          </p>
        </div>
        <SavedReading savedAt={analytics.data?.savedAt} />
        {analytics.error && <ErrorAlert text={describeError(analytics.error)} />}
        {analytics.loading && !analytics.data && <Spinner />}
        {analytics.data && (
          <div aria-busy={analytics.loading || undefined}>
            <UsageFigures view={analytics.data} tableId={tableId} />
            <UsageChart view={analytics.data} tableId={tableId} />
          </div>
        )}
      </section>
      <section className="card screen-card" aria-labelledby="calls-heading">
        <h2 id="calls-heading" className="section-title">
          Calls
        </h2>
        {!canViewCdrs ? (
          <p className="notice-text" data-testid="cdr-permission">
            This partner account may not view call records (Vobiz’s <code>can_view_cdrs</code> is
            off). Ask Vobiz to turn it on.
          </p>
        ) : (
          <>
            <div className="usage-calls-toolbar">
              <CdrFilters draft={draft} onChange={setDraft} />
              <CdrExport filters={filters} />
            </div>
            {customer && (
              <p className="usage-customer" data-testid="usage-customer">
                Calls of <strong>{customer.name}</strong>{' '}
                <button type="button" className="link-button" onClick={clearCustomer}>
                  Show every customer’s calls
                </button>
              </p>
            )}
            {calls.error && <ErrorAlert text={describeError(calls.error)} />}
            {!analytics.data?.savedAt && <SavedReading savedAt={calls.savedAt} />}
            {calls.summary && (
              <p className="section-note" data-testid="cdr-summary" role="status">
                {countText(calls.total ?? 0)} calls · {countText(calls.summary.answered ?? 0)}{' '}
                answered
                {calls.summary.averageDuration
                  ? ` · average ${calls.summary.averageDuration}`
                  : ''}{' '}
                · <CostText cost={calls.summary.cost} currency={analytics.data?.currency ?? null} />
              </p>
            )}
            {calls.loading && <Spinner />}
            {calls.total !== null && (
              <CdrList
                total={calls.total}
                rowAt={calls.rowAt}
                need={calls.need}
                customerName={customerName}
                onOpen={setOpen}
              />
            )}
          </>
        )}
      </section>
      <BulkStatements offline={offline} />
      {open && (
        <CdrDialog
          row={open}
          customerName={customerName(open.authId)}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  )
}
