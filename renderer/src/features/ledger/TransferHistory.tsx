import { useEffect, useState } from 'react'
import type { TransferRecord } from '../../../../shared/ledger'
import { ipc } from '../../ipc/client'
import { absoluteTime, formatBalance } from '../../lib/format'
import { useTransfersStore } from '../../stores/transfers-store'

const OUTCOMES: Record<TransferRecord['outcome'], { label: string; tone: string }> = {
  applied: { label: 'Applied', tone: 'badge-success' },
  recovered: { label: 'Applied (reply lost, found in ledger)', tone: 'badge-success' },
  'not-applied': { label: 'Not applied', tone: 'badge-neutral' },
  unknown: { label: 'Unknown — check it', tone: 'badge-warning' },
}

/** The transfers made from this app for this profile, kept on this computer (so also offline). */
export function TransferHistory() {
  const [records, setRecords] = useState<TransferRecord[] | null>(null)
  const last = useTransfersStore((s) => s.last)

  useEffect(() => {
    let current = true
    void ipc.invoke('transfers:history', {}).then((result) => {
      if (current && result.ok) setRecords(result.value.records)
    })
    return () => {
      current = false
    }
  }, [last])

  if (records === null) return null
  if (records.length === 0) {
    return <p className="ledger-empty">No top-ups have been made from Partner Desk yet.</p>
  }
  return (
    <div
      className="ledger-table-wrap"
      role="region"
      aria-label="Top-ups made from Partner Desk"
      tabIndex={0}
    >
      <table className="ledger-table" data-testid="transfer-history">
        <caption className="visually-hidden">Top-ups made from Partner Desk</caption>
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col">Customer</th>
            <th scope="col" className="is-end">
              Amount
            </th>
            <th scope="col">Outcome</th>
            <th scope="col">Reference</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.reference}>
              <td className="ledger-date">{absoluteTime(record.at)}</td>
              <td>
                {record.customerName ?? record.authId}{' '}
                <span className="mono ledger-auth-id">{record.authId}</span>
              </td>
              <td
                className="is-end money-cell"
                title={formatBalance(record.amount, record.currency)}
              >
                {formatBalance(record.amount, record.currency, 'table')}
              </td>
              <td>
                <span className={`badge ${OUTCOMES[record.outcome].tone}`}>
                  {OUTCOMES[record.outcome].label}
                </span>
              </td>
              <td className="mono">{record.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
