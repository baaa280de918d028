import { useEffect, useMemo, useState } from 'react'
import type { AppError } from '../../../../shared/app-error'
import type { KycList } from '../../../../shared/kyc'
import { KYC_SESSION_STATUSES, type KycSessionStatus } from '../../../../shared/vobiz-kyc'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { SelectField } from '../../components/SelectField'
import { Pager } from '../../components/Pager'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { absoluteTime, formatCount } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import { kycBadgeClass, kycStatusLabel } from './kyc-format'

const sessionsText = (count: number) =>
  `${formatCount(count)} ${count === 1 ? 'session' : 'sessions'}`
const when = (iso: string | null) => (iso ? absoluteTime(iso) : '—')

/** A page of the KYC sessions across customers, read again when the filter or page changes. */
function useKycPage(status: KycSessionStatus | '', page: number, offline: boolean) {
  const [state, setState] = useState<{ key: string; data: KycList | null; error: AppError | null }>(
    { key: '', data: null, error: null },
  )
  const key = `${status}|${page}`
  useEffect(() => {
    if (offline) return
    let current = true
    void ipc.invoke('kyc:list', { page, ...(status ? { status } : {}) }).then((result) => {
      if (!current) return
      setState((s) =>
        result.ok
          ? { key, data: result.value, error: null }
          : { key, data: s.data, error: result.error },
      )
    })
    return () => {
      current = false
    }
  }, [key, status, page, offline])
  return { data: state.data, error: state.error, loading: !offline && state.key !== key }
}

/** KYC sessions of every customer, newest first, with a status filter and pages. */
export function KycScreen() {
  const rows = useCustomersStore((s) => s.rows)
  const offline = useCustomersStore((s) => s.network?.online === false)
  const names = useMemo(() => new Map(rows.map((row) => [row.authId, row.name])), [rows])
  const [status, setStatus] = useState<KycSessionStatus | ''>('')
  const [page, setPage] = useState(1)
  const { data, error, loading } = useKycPage(status, page, offline)
  const pages = data ? Math.max(1, Math.ceil(data.total / data.size)) : 0

  return (
    <section className="card ledger-card kyc-screen" aria-labelledby="kyc-heading">
      <h2 id="kyc-heading" className="section-title">
        KYC sessions
      </h2>
      <p className="section-note">
        A customer can make calls once its KYC is completed. Start or revoke a session in the
        customer&apos;s drawer.
      </p>
      <div className="ledger-toolbar">
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as KycSessionStatus | '')
            setPage(1)
          }}
        >
          <option value="">Any status</option>
          {KYC_SESSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {kycStatusLabel({ status: s, expired: false })}
            </option>
          ))}
        </SelectField>
      </div>
      {offline ? (
        <p className="ledger-empty" role="status">
          <Icon name="wifiOff" /> Offline — KYC sessions are read from Vobiz and show once it can be
          reached.
        </p>
      ) : error ? (
        <ErrorAlert text={describeError(error)} />
      ) : null}
      {!offline && !data && loading && (
        <p className="ledger-empty" role="status">
          <Spinner /> Reading KYC sessions…
        </p>
      )}
      {!offline && data && data.sessions.length === 0 && !loading && (
        <p className="ledger-empty">No KYC sessions match.</p>
      )}
      {!offline && data && data.sessions.length > 0 && (
        <div className="ledger-table-wrap" role="region" aria-label="KYC sessions" tabIndex={0}>
          <table className="ledger-table">
            <caption className="visually-hidden">KYC sessions</caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Flow</th>
                <th scope="col">Started</th>
                <th scope="col">Expires</th>
                <th scope="col">Completed</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr key={s.id} data-testid="kyc-row">
                  <th scope="row">
                    {names.get(s.authId) ?? s.authId}
                    <span className="kyc-row-id">{s.authId}</span>
                  </th>
                  <td>
                    <span className={kycBadgeClass(s)}>{kycStatusLabel(s)}</span>
                  </td>
                  <td>{s.flow === 'email' ? `Email to ${s.sentTo ?? 'the customer'}` : 'Link'}</td>
                  <td className="ledger-date">{when(s.createdAt)}</td>
                  <td className="ledger-date">{when(s.expiresAt)}</td>
                  <td className="ledger-date">{when(s.completedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!offline && data && data.total > 0 && (
        <Pager
          label={'KYC sessions'}
          page={data.page}
          pages={pages}
          loading={loading}
          summary={sessionsText(data.total)}
          testId="kyc-page"
          onPage={setPage}
        />
      )}
    </section>
  )
}
