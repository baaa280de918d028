import { useMemo, useState } from 'react'
import { SubAccountsView } from './SubAccountsView'

/**
 * A customer's sub-accounts in the drawer, behind a disclosure, read with the customer's own
 * credentials (from this computer's encrypted store) only once it is opened.
 */
export function CustomerSubAccounts({
  authId,
  name,
  offline,
}: {
  authId: string
  name: string
  offline: boolean
}) {
  const [open, setOpen] = useState(false)
  const owner = useMemo(() => ({ kind: 'customer' as const, authId }), [authId])
  return (
    <details
      className="drawer-ledger"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="customer-subaccounts"
    >
      <summary className="drawer-ledger-summary">Sub-accounts</summary>
      {open && <SubAccountsView owner={owner} ownerLabel={name} offline={offline} compact />}
    </details>
  )
}
