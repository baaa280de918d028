import type { z } from 'zod'
import type { newSubAccountSchema, SubAccountView } from '../../../shared/subaccounts'
import type { SubAccount } from '../../../shared/vobiz'

/** A sub-account as the app shows it (no token: only whether this computer keeps it). */
export function toSubAccountView(sub: SubAccount, tokenKept: boolean): SubAccountView {
  const enabled = sub.enabled ?? sub.is_active ?? true
  return {
    authId: sub.auth_id,
    name: sub.name,
    email: sub.email ?? null,
    phone: sub.phone ?? null,
    description: sub.description ?? null,
    enabled,
    kycMode: sub.kyc_mode ?? null,
    callsBlocked: sub.kyc_calls_blocked === true,
    rateLimit: sub.rate_limit ?? null,
    permissions: sub.permissions ?? null,
    createdAt: sub.created_at ?? null,
    lastUsed: sub.last_used ?? null,
    tokenKept,
  }
}

/** The create body as the endpoint page names its fields; absent fields are not sent. */
export function createBody(draft: z.output<typeof newSubAccountSchema>): Record<string, unknown> {
  return {
    name: draft.name,
    ...(draft.email ? { email: draft.email } : {}),
    // The form takes "+91 98123 45678"; Vobiz wants E.164, so the separators are dropped.
    ...(draft.phone ? { phone: draft.phone.replace(/[\s()-]/g, '') } : {}),
    ...(draft.description ? { description: draft.description } : {}),
    ...(draft.rateLimit !== undefined ? { rate_limit: draft.rateLimit } : {}),
    ...(draft.permissions ? { permissions: draft.permissions } : {}),
    ...(draft.password ? { password: draft.password } : {}),
    kyc_mode: draft.kycMode,
    enabled: draft.enabled,
  }
}
