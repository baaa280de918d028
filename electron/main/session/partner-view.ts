import { partnerViewSchema, type PartnerView } from '../../../shared/ipc-contract'
import { exactDecimal } from '../../../shared/money'
import type { PartnerProfile } from '../../../shared/vobiz'
import type { KeyValueStore } from '../platform/ports'

/** The display fields of the partner profile; the balance as an exact 5-decimal string. */
export function toPartnerView(profile: PartnerProfile, fetchedAt: Date): PartnerView {
  return {
    authId: profile.auth_id,
    name: profile.name,
    company: profile.company ?? null,
    email: profile.email ?? null,
    balance: exactDecimal(profile.balance),
    currency: profile.currency ?? null,
    isVerified: profile.is_verified ?? null,
    isActive: profile.is_active ?? null,
    accountCount: profile.account_count ?? null,
    maxAccounts: profile.max_accounts ?? null,
    permissions: {
      createAccounts: profile.can_create_accounts ?? false,
      transferBalance: profile.can_transfer_balance ?? false,
      viewCdrs: profile.can_view_cdrs ?? false,
      createPricingTiers: profile.can_create_pricing_tiers ?? false,
    },
    fetchedAt: fetchedAt.toISOString(),
  }
}

const KEY = 'partnerViews'

/** The last good partner reading per profile (display fields only, no secrets). */
export function createPartnerCache(store: KeyValueStore) {
  const all = (): Record<string, unknown> => {
    const raw = store.get(KEY)
    return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  }
  return {
    get(profileId: string): PartnerView | null {
      const parsed = partnerViewSchema.safeParse(all()[profileId])
      return parsed.success ? parsed.data : null
    },
    set(profileId: string, view: PartnerView): void {
      store.set(KEY, { ...all(), [profileId]: view })
    },
    clear(profileId: string): void {
      const { [profileId]: _removed, ...rest } = all()
      store.set(KEY, rest)
    },
  }
}
export type PartnerCache = ReturnType<typeof createPartnerCache>
