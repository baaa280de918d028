import { useCustomersStore } from '../../stores/customers-store'
import { useSessionStore } from '../../stores/session-store'
import { ClipboardToast } from '../../components/ClipboardToast'
import { SubAccountsView } from './SubAccountsView'

const PARTNER = { kind: 'partner' } as const

/** The partner's own main account's sub-accounts (a customer's are in its drawer). */
export function SubAccountsScreen() {
  const offline = useCustomersStore((s) => s.network?.online === false)
  const partner = useSessionStore((s) => s.session?.partner ?? null)
  const label = partner ? `${partner.name} (${partner.authId})` : 'your main account'
  return (
    <section className="card ledger-card" aria-labelledby="subaccounts-heading">
      <h2 id="subaccounts-heading" className="section-title">
        Sub-accounts of your main account
      </h2>
      <p className="section-note">
        Isolated accounts with their own credentials. A customer’s sub-accounts are in its details.
      </p>
      <SubAccountsView owner={PARTNER} ownerLabel={label} offline={offline} />
      <ClipboardToast />
    </section>
  )
}
