import { useMemo } from 'react'
import { Disclosure } from '../../components/Disclosure'
import { SubAccountsView } from './SubAccountsView'

/**
 * A customer's sub-accounts in the drawer, read with the customer's own credentials (from this
 * computer's encrypted store) once the section is opened.
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
  const owner = useMemo(() => ({ kind: 'customer' as const, authId }), [authId])
  return (
    <Disclosure title="Sub-accounts" testId="customer-subaccounts">
      {() => <SubAccountsView owner={owner} ownerLabel={name} offline={offline} compact />}
    </Disclosure>
  )
}
