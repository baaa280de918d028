import { useState } from 'react'
import { LedgerView } from './LedgerView'

/**
 * A customer's transactions in the drawer, behind a disclosure: read from Vobiz only once it
 * is opened, so walking through customers does not read every ledger.
 */
export function CustomerLedger({
  authId,
  name,
  offline,
}: {
  authId: string
  name: string
  offline: boolean
}) {
  const [open, setOpen] = useState(false)
  return (
    <details className="drawer-ledger" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="drawer-ledger-summary">Transactions</summary>
      {open && <LedgerView authId={authId} offline={offline} label={`Transactions of ${name}`} />}
    </details>
  )
}
