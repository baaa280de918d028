import { useCallback, useMemo } from 'react'
import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'
import { CapacityHistory } from '../capacity/CapacityHistory'
import { LedgerView } from './LedgerView'
import { TransferHistory } from './TransferHistory'

/** The partner's ledger across all customers, and the top-ups and capacity changes made here. */
export function LedgerScreen() {
  const rows = useCustomersStore((s) => s.rows)
  const offline = useCustomersStore((s) => s.network?.online === false)
  const partnerId = useSessionStore((s) => s.session?.partner?.authId ?? null)
  const names = useMemo(() => new Map(rows.map((row) => [row.authId, row.name])), [rows])
  const accounts = useCallback(
    (authId: string | null) =>
      !authId ? '—' : authId === partnerId ? 'Partner wallet' : (names.get(authId) ?? authId),
    [names, partnerId],
  )
  return (
    <div className="ledger-screen">
      <section className="card ledger-card" aria-labelledby="history-heading">
        <h2 id="history-heading" className="section-title">
          Top-ups from Partner Desk
        </h2>
        <p className="section-note">
          Kept on this computer for this profile, so they show offline.
        </p>
        <TransferHistory />
      </section>
      <section className="card ledger-card" aria-labelledby="capacity-history-heading">
        <h2 id="capacity-history-heading" className="section-title">
          Capacity changes from Partner Desk
        </h2>
        <p className="section-note">
          Concurrent calls and calls per second allocated or reclaimed from this computer.
        </p>
        <CapacityHistory />
      </section>
      <section className="card ledger-card" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="section-title">
          All transactions
        </h2>
        <LedgerView accounts={accounts} offline={offline} label="All transactions" />
      </section>
    </div>
  )
}
