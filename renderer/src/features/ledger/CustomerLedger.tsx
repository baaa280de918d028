import { Disclosure } from '../../components/Disclosure'
import { LedgerView } from './LedgerView'

/** A customer's transactions in the drawer, read from Vobiz once the section is opened. */
export function CustomerLedger({
  authId,
  name,
  offline,
}: {
  authId: string
  name: string
  offline: boolean
}) {
  return (
    <Disclosure title="Transactions">
      {() => (
        <LedgerView authId={authId} offline={offline} label={`Transactions of ${name}`} compact />
      )}
    </Disclosure>
  )
}
