/**
 * The contract's channel and event names without their schemas, so the sandboxed preload stays
 * tiny (no zod). `ipc-contract.ts` is type-checked against these lists: a name without a schema,
 * or a schema without a name, does not compile.
 */
export const CHANNEL_NAMES = [
  'session:get',
  'session:signIn',
  'session:signInSandbox',
  'session:switchProfile',
  'session:signOut',
  'partner:refresh',
  'clipboard:writeText',
  'shell:openExternal',
  'customers:get',
  'customers:firstPage',
  'customers:shown',
  'customers:sync',
  'customers:searchRemote',
  'customers:exportCsv',
  'customers:detail',
  'customers:create',
  'customers:checkCreated',
  'credentials:copy',
  'credentials:reveal',
  'network:get',
  'balance:get',
  'balance:refresh',
  'balance:customer',
  'app:visibility',
  'transfers:create',
  'transfers:check',
  'transfers:history',
  'transactions:list',
  'transactions:exportCsv',
  'subaccounts:list',
  'subaccounts:create',
  'subaccounts:update',
  'subaccounts:delete',
  'subaccounts:copy',
  'subaccounts:reveal',
  'subaccounts:verify',
  'settings:get',
  'settings:set',
  'usage:analytics',
  'usage:cdrs',
  'usage:cdr',
  'usage:exportCdrs',
  'usage:cancelExport',
  'numbers:list',
  'numbers:exportCsv',
  'statements:get',
  'statements:export',
  'statements:bulkStart',
  'statements:bulkCancel',
  'activity:list',
  'activity:exportCsv',
  'kyc:list',
  'kyc:latest',
  'kyc:start',
  'kyc:resend',
  'kyc:revoke',
  'kyc:copyLink',
  'kyc:revealLink',
  'capacity:get',
  'capacity:move',
  'capacity:check',
  'capacity:history',
  'watch:list',
  'watch:refresh',
  'watch:snooze',
  'watch:setThreshold',
] as const
export const EVENT_NAMES = [
  'session:changed',
  'customers:syncProgress',
  'customers:changed',
  'network:changed',
  'clipboard:cleared',
  'balance:partner',
  'statements:progress',
  'usage:exportProgress',
  'watch:changed',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]
export type EventNameOf = (typeof EVENT_NAMES)[number]

export const isChannel = (value: unknown): value is ChannelName =>
  (CHANNEL_NAMES as readonly unknown[]).includes(value)
export const isEventName = (value: unknown): value is EventNameOf =>
  (EVENT_NAMES as readonly unknown[]).includes(value)

/** The prefix of every IPC channel name on the wire, so ours never clash with Electron's. */
export const IPC_PREFIX = 'partner-desk:'
