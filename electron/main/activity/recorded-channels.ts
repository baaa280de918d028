import type { ActivityAction } from '../../../shared/activity'
import type { Channel, ResponseOf, ValidRequestOf } from '../../../shared/ipc-contract'
import type { SubAccountOwner } from '../../../shared/subaccounts'
import { profileIdFor } from '../session/vault'

/**
 * How one channel's call is recorded. Only the fields named here reach the log — never the
 * request or reply as a whole — so a token, password or link cannot end up in it.
 */
export type Recorded<C extends Channel> = {
  action: ActivityAction
  target?: (request: ValidRequestOf<C>, reply: ResponseOf<C> | null) => string | null
  detail?: (request: ValidRequestOf<C>) => string | null
  reference?: (reply: ResponseOf<C>) => string | null
  /** A reply that did nothing (a save dialog closed) is `cancelled`. */
  cancelled?: (reply: ResponseOf<C>) => boolean
  /**
   * Whose log the call goes to: by default the profile signed in when it began. `known` says
   * whether a profile is saved here (a failed sign-in to an unknown account is not recorded).
   */
  profile?: (
    request: ValidRequestOf<C>,
    reply: ResponseOf<C> | null,
    known: (profileId: string) => boolean,
  ) => string | null
}

const ownerText = (owner: SubAccountOwner) =>
  owner.kind === 'partner' ? 'main account' : `customer ${owner.authId}`
const credential = (format: 'token' | 'env') =>
  format === 'env' ? 'Auth ID and Token as environment variables' : 'Auth Token'
const fileName = (reply: { fileName: string | null }) => reply.fileName
const notSaved = (reply: { saved: boolean }) => !reply.saved
const notStarted = (reply: { started: boolean }) => !reply.started

/**
 * Every channel that acts (as opposed to reading): its action in the log and how its target and
 * reference are read. A new acting channel is one entry here.
 */
export const RECORDED_CHANNELS: { [C in Channel]?: Recorded<C> } = {
  'session:signIn': {
    action: 'sign-in',
    target: ({ authId }) => authId,
    detail: ({ baseUrl }) => new URL(baseUrl).host,
    profile: ({ baseUrl, authId }, reply, known) => {
      const id = reply?.activeProfileId ?? profileIdFor(baseUrl, authId, false)
      return reply || known(id) ? id : null
    },
  },
  'session:signInSandbox': {
    action: 'sign-in',
    target: (_, reply) => reply?.partner?.authId ?? null,
    detail: () => 'sandbox',
    profile: (_, reply) => reply?.activeProfileId ?? null,
  },
  'session:signOut': { action: 'sign-out', profile: ({ profileId }) => profileId },
  'customers:create': {
    action: 'customer-create',
    target: ({ email }) => email ?? null,
    detail: ({ name }) => name ?? null,
    reference: ({ authId }) => authId,
  },
  'transfers:create': {
    action: 'top-up',
    target: ({ authId }) => authId,
    detail: ({ amount }) => amount,
    reference: ({ reference, transactionId }) =>
      transactionId ? `${reference} · ${transactionId}` : reference,
  },
  'capacity:move': {
    action: 'capacity-move',
    target: ({ authId }) => authId,
    detail: ({ move, resource, slots }) => `${move} ${slots} ${resource.replace('_', ' ')}`,
    reference: ({ reference, transferReference }) => `${reference} · ${transferReference}`,
  },
  'subaccounts:create': {
    action: 'subaccount-create',
    target: ({ owner }) => ownerText(owner),
    detail: ({ draft }) => (typeof draft.name === 'string' ? draft.name.slice(0, 100) : null),
    reference: ({ subAccount }) => subAccount.authId,
  },
  'subaccounts:update': {
    action: 'subaccount-update',
    target: ({ authId }) => authId,
    detail: ({ patch }) =>
      Object.entries(patch)
        .map(([field, value]) => `${field}: ${String(value)}`)
        .join(', '),
  },
  'subaccounts:delete': { action: 'subaccount-delete', target: ({ authId }) => authId },
  'credentials:copy': {
    action: 'credential-copy',
    target: ({ authId }) => authId,
    detail: ({ format }) => `customer ${credential(format)}`,
  },
  'credentials:reveal': {
    action: 'credential-reveal',
    target: ({ authId }) => authId,
    detail: () => 'customer Auth Token',
  },
  'subaccounts:copy': {
    action: 'credential-copy',
    target: ({ authId }) => authId,
    detail: ({ format }) => `sub-account ${credential(format)}`,
  },
  'subaccounts:reveal': {
    action: 'credential-reveal',
    target: ({ authId }) => authId,
    detail: () => 'sub-account Auth Token',
  },
  'kyc:start': {
    action: 'kyc-start',
    target: ({ authId }) => authId,
    detail: ({ flow }) => `${flow} flow`,
    reference: ({ session }) => session.id,
  },
  'kyc:resend': { action: 'kyc-resend', target: ({ sessionId }) => sessionId },
  'kyc:revoke': { action: 'kyc-revoke', target: ({ sessionId }) => sessionId },
  'kyc:copyLink': {
    action: 'credential-copy',
    target: ({ sessionId }) => sessionId,
    detail: () => 'KYC link',
  },
  'kyc:revealLink': {
    action: 'credential-reveal',
    target: ({ sessionId }) => sessionId,
    detail: () => 'KYC link',
  },
  'customers:exportCsv': {
    action: 'export-customers',
    detail: ({ authIds }) => `${authIds.length} customers`,
    reference: fileName,
    cancelled: notSaved,
  },
  'transactions:exportCsv': {
    action: 'export-transactions',
    target: ({ authId }) => authId ?? null,
    reference: fileName,
    cancelled: notSaved,
  },
  'numbers:exportCsv': {
    action: 'export-numbers',
    target: ({ authId }) => authId ?? null,
    reference: fileName,
    cancelled: notSaved,
  },
  'usage:exportCdrs': {
    action: 'export-calls',
    target: ({ authId }) => authId ?? null,
    detail: ({ from, to }) => (from || to ? `${from ?? '…'} to ${to ?? '…'}` : null),
    cancelled: notStarted,
  },
  'statements:export': {
    action: 'export-statement',
    target: ({ authId }) => authId,
    detail: ({ month, format }) => `${month} ${format.toUpperCase()}`,
    reference: fileName,
    cancelled: notSaved,
  },
  'statements:bulkStart': {
    action: 'export-statements',
    detail: ({ month, format }) => `${month} ${format.toUpperCase()}`,
    cancelled: notStarted,
  },
  'activity:exportCsv': { action: 'export-activity', reference: fileName, cancelled: notSaved },
  'bulk:exportReport': { action: 'export-bulk-report', reference: fileName, cancelled: notSaved },
  'watch:snooze': {
    action: 'watch-snooze',
    target: ({ authId }) => authId,
    detail: ({ snooze }) => (snooze ? `for a ${snooze}` : 'woken'),
  },
  'watch:setThreshold': {
    action: 'watch-threshold',
    target: ({ authId }) => authId,
    detail: ({ threshold }) =>
      threshold === null
        ? 'default'
        : threshold.kind === 'amount'
          ? `below ${threshold.amount}`
          : `under ${threshold.days} days of runway`,
  },
}
