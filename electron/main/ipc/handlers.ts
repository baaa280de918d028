import { appError, fail } from '../../../shared/app-error'
import type { ActivityService } from '../activity/activity-service'
import { toTuple } from '../../../shared/customer-tuples'
import type { ConnectivityService } from '../session/connectivity'
import type { CredentialsService } from '../session/credentials-service'
import type { BalanceTransfers } from '../money/balance-transfers'
import type { CustomerBalances } from '../customers/customer-balances'
import type { CustomerCreateService } from '../customers/customer-create-service'
import type { CustomerDetailsService } from '../customers/customer-details-service'
import type { CustomersService } from '../customers/customers-service'
import type { LedgerService } from '../money/ledger-service'
import type { KycService } from '../onboarding/kyc-service'
import type { CapacityService } from '../capacity/capacity-service'
import type { PartnerBalanceWatcher } from '../money/partner-balance'
import type { ClipboardPort, ExternalOpener } from '../platform/ports'
import type { SessionService } from '../session/session-service'
import type { SettingsService } from '../session/settings'
import type { SubAccountsService } from '../subaccounts/subaccounts-service'
import type { TransferRecord } from '../../../shared/ledger'
import type { BulkStatements } from '../usage/bulk-statements'
import type { CdrExport } from '../usage/cdr-export'
import type { NumbersService } from '../usage/numbers-service'
import type { StatementService } from '../usage/statement-service'
import type { UsageService } from '../usage/usage-service'
import type { WatchService } from '../watch/watch-service'
import type { AlertService } from '../notify/alert-service'
import type { BulkTopUps } from '../money/bulk-top-up'
import { defineHandlers, type HandlerTable } from './dispatch'

/** Links the app may open in the user's browser; everything else is refused. */
export const EXTERNAL_LINK_HOSTS = new Set(['vobiz.ai', 'docs.vobiz.ai', 'console.vobiz.ai'])

export function isAllowedExternalUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && EXTERNAL_LINK_HOSTS.has(url.hostname)
  } catch {
    return false
  }
}

export type HandlerDeps = {
  session: SessionService
  clipboard: ClipboardPort
  openExternal: ExternalOpener
  customers: CustomersService
  connectivity: Pick<ConnectivityService, 'state'>
  settings: SettingsService
  details: Pick<CustomerDetailsService, 'detail'>
  credentials: CredentialsService
  create: CustomerCreateService
  balance: PartnerBalanceWatcher
  customerBalances: CustomerBalances
  transfers: BalanceTransfers
  transferHistory: { list(): Promise<TransferRecord[]> }
  ledger: LedgerService
  subAccounts: SubAccountsService
  usage: UsageService
  numbers: NumbersService
  statements: StatementService
  bulkStatements: BulkStatements
  cdrExport: CdrExport
  kyc: KycService
  capacity: CapacityService
  activity: ActivityService
  watch: WatchService
  alerts: Pick<AlertService, 'centre' | 'markRead' | 'takeOpen'>
  bulk: BulkTopUps
}

/** Every IPC channel's handler: thin, each delegating to one service. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { session, clipboard, openExternal, customers, connectivity, settings } = deps
  const { details, credentials, create, balance, customerBalances, transfers } = deps
  const { transferHistory, ledger, subAccounts, usage, numbers, statements, bulkStatements } = deps
  const { cdrExport, kyc, capacity, activity, watch, bulk } = deps
  return defineHandlers({
    'session:get': () => session.state(),
    'session:signIn': (request) => session.signIn(request),
    'session:signInSandbox': () => session.signInSandbox(),
    'session:switchProfile': ({ profileId }) => session.switchProfile(profileId),
    'session:signOut': ({ profileId }) => session.signOut(profileId),
    'partner:refresh': () => session.refreshPartner(),
    'clipboard:writeText': async ({ text }) => {
      await clipboard.writeText(text)
      return { copied: true as const }
    },
    'shell:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return fail(appError.forbidden('That link is not allowed.'))
      await openExternal(url)
      return { opened: true }
    },
    'customers:get': async ({ from = 0, limit }) => {
      const { rows, ...rest } = await customers.page(from, limit ?? Number.MAX_SAFE_INTEGER)
      return { ...rest, rows: rows.map(toTuple) }
    },
    'customers:firstPage': async ({ size }) => {
      const { rows, ...rest } = await customers.firstPage(size)
      return { ...rest, rows: rows.map(toTuple) }
    },
    'customers:shown': async () => {
      customers.shown()
      return {}
    },
    'customers:sync': () => customers.sync(),
    'customers:searchRemote': ({ query }) => customers.searchRemote(query),
    'customers:exportCsv': ({ authIds }) => customers.exportCsv(authIds),
    'customers:detail': ({ authId }) => details.detail(authId),
    'customers:create': (draft) => create.create(draft),
    'customers:checkCreated': ({ email }) => create.checkCreated(email),
    'credentials:copy': ({ authId, format }) => credentials.copy(authId, format),
    'credentials:reveal': ({ authId }) => credentials.reveal(authId),
    'network:get': async () => connectivity.state(),
    'balance:get': async () => balance.snapshot(),
    'balance:refresh': () => balance.refresh(),
    'balance:customer': ({ authId }) => customerBalances.read(authId),
    'transfers:create': (request) => transfers.transfer(request),
    'transfers:check': ({ authId }) => transfers.check(authId),
    'transfers:history': async () => ({ records: await transferHistory.list() }),
    'transactions:list': (query) => ledger.page(query),
    'transactions:exportCsv': (filters) => ledger.exportCsv(filters),
    'subaccounts:list': ({ owner }) => subAccounts.list(owner),
    'subaccounts:create': ({ owner, draft }) => subAccounts.create(owner, draft),
    'subaccounts:update': ({ owner, authId, patch }) => subAccounts.update(owner, authId, patch),
    'subaccounts:delete': ({ owner, authId }) => subAccounts.remove(owner, authId),
    'subaccounts:copy': ({ authId, format }) => subAccounts.copy(authId, format),
    'subaccounts:reveal': ({ authId }) => subAccounts.reveal(authId),
    'subaccounts:verify': ({ authId }) => subAccounts.verify(authId),
    'app:visibility': async ({ visible }) => balance.setVisible(visible),
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => settings.set(patch),
    'usage:analytics': (period) => usage.analytics(period),
    'usage:cdrs': (query) => usage.cdrs(query),
    'usage:cdr': (ref) => usage.cdr(ref),
    'usage:exportCdrs': (filters) => cdrExport.start(filters),
    'usage:cancelExport': async () => cdrExport.cancel(),
    'numbers:list': (query) => numbers.page(query),
    'numbers:exportCsv': (filters) => numbers.exportCsv(filters),
    'statements:get': (request) => statements.get(request),
    'statements:export': (request) => statements.export(request),
    'statements:bulkStart': (request) => bulkStatements.start(request),
    'statements:bulkCancel': async () => bulkStatements.cancel(),
    'activity:list': (filters) => activity.list(filters),
    'activity:exportCsv': (filters) => activity.exportCsv(filters),
    'kyc:list': (query) => kyc.list(query),
    'kyc:latest': async ({ authId }) => ({ session: await kyc.latest(authId) }),
    'kyc:start': (request) => kyc.start(request),
    'kyc:resend': ({ sessionId }) => kyc.resend(sessionId),
    'kyc:revoke': ({ sessionId, reason }) => kyc.revoke(sessionId, reason),
    'kyc:copyLink': ({ sessionId }) => kyc.copyLink(sessionId),
    'kyc:revealLink': ({ sessionId }) => kyc.revealLink(sessionId),
    'capacity:get': ({ authId }) => capacity.get(authId),
    'capacity:move': (request) => capacity.move(request),
    'capacity:check': ({ authId }) => capacity.check(authId),
    'capacity:history': async () => ({ records: await capacity.history() }),
    'watch:list': () => watch.list(),
    'watch:refresh': () => watch.refresh(),
    'watch:snooze': ({ authId, snooze }) => watch.snooze(authId, snooze),
    'watch:setThreshold': ({ authId, threshold }) => watch.setThreshold(authId, threshold),
    'notifications:list': () => deps.alerts.centre(),
    'notifications:markRead': ({ id }) => deps.alerts.markRead(id),
    'notifications:takeOpen': async () => deps.alerts.takeOpen(),
    'bulk:dryRun': (request) => bulk.dryRun(request),
    'bulk:start': ({ dryRunId }) => bulk.start(dryRunId),
    'bulk:state': () => bulk.state(),
    'bulk:cancel': () => bulk.cancel(),
    'bulk:resume': ({ send }) => bulk.resume(send),
    'bulk:exportReport': () => bulk.exportReport(),
  })
}
