import type { PartnerView } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'

export const PERMISSIONS: { key: keyof PartnerView['permissions']; label: string }[] = [
  { key: 'createAccounts', label: 'Create customers' },
  { key: 'transferBalance', label: 'Transfer balance' },
  { key: 'viewCdrs', label: 'View CDRs' },
  { key: 'createPricingTiers', label: 'Pricing tiers' },
]

/** What the partner's API permissions allow: a mark and words, never colour alone. */
export function PermissionList({ permissions }: { permissions: PartnerView['permissions'] }) {
  return (
    <ul className="permission-list" aria-label="Permissions">
      {PERMISSIONS.map(({ key, label }) => {
        const allowed = permissions[key]
        return (
          <li key={key} className={`permission ${allowed ? 'is-allowed' : 'is-denied'}`}>
            <Icon name={allowed ? 'check' : 'cross'} />
            <span>{label}</span>
            <span className="visually-hidden">{allowed ? ': allowed' : ': not allowed'}</span>
          </li>
        )
      })}
    </ul>
  )
}
