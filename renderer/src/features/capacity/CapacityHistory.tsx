import { useEffect, useMemo, useState } from 'react'
import type { CapacityRecord } from '../../../../shared/capacity'
import { ipc } from '../../ipc/client'
import { absoluteTime } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import { slotsOf } from './capacity-format'

/** The capacity changes made from this app for this profile, kept on this computer. */
export function CapacityHistory() {
  const [records, setRecords] = useState<CapacityRecord[] | null>(null)
  const rows = useCustomersStore((s) => s.rows)
  const names = useMemo(() => new Map(rows.map((row) => [row.authId, row.name])), [rows])

  useEffect(() => {
    let current = true
    void ipc.invoke('capacity:history', {}).then((result) => {
      if (current && result.ok) setRecords(result.value.records)
    })
    return () => {
      current = false
    }
  }, [])

  if (records === null) return null
  if (records.length === 0) {
    return <p className="ledger-empty">No capacity has been allocated from Partner Desk yet.</p>
  }
  return (
    <div
      className="ledger-table-wrap"
      role="region"
      aria-label="Capacity changes made from Partner Desk"
      tabIndex={0}
    >
      <table className="ledger-table" data-testid="capacity-history">
        <caption className="visually-hidden">Capacity changes made from Partner Desk</caption>
        <thead>
          <tr>
            <th scope="col">Sent</th>
            <th scope="col">Customer</th>
            <th scope="col">Change</th>
            <th scope="col">Vobiz reference</th>
            <th scope="col">Our reference</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.reference}>
              <td className="ledger-date">{absoluteTime(record.at)}</td>
              <td>
                {names.get(record.authId) ?? record.authId}{' '}
                <span className="mono ledger-auth-id">{record.authId}</span>
              </td>
              <td>
                {record.move === 'transfer' ? 'Allocated' : 'Reclaimed'}{' '}
                {slotsOf(record.slots, record.resource)}
                {record.recovered && ' (reply lost, found in the history)'}
              </td>
              <td className="mono">{record.transferReference}</td>
              <td className="mono">{record.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
