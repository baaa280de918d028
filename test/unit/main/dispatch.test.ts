import type { CdrExport } from '../../../electron/main/usage/cdr-export'
import type { BulkStatements } from '../../../electron/main/usage/bulk-statements'
import type { StatementService } from '../../../electron/main/usage/statement-service'
import type { NumbersService } from '../../../electron/main/usage/numbers-service'
import type { UsageService } from '../../../electron/main/usage/usage-service'
import type { KycService } from '../../../electron/main/onboarding/kyc-service'
import type { CapacityService } from '../../../electron/main/capacity/capacity-service'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appError, fail } from '../../../shared/app-error'
import type { SessionState } from '../../../shared/ipc-contract'
import { dispatch, type HandlerTable } from '../../../electron/main/ipc/dispatch'
import { createHandlers, isAllowedExternalUrl } from '../../../electron/main/ipc/handlers'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { CredentialsService } from '../../../electron/main/session/credentials-service'
import type { BalanceTransfers } from '../../../electron/main/money/balance-transfers'
import type { CustomerBalances } from '../../../electron/main/customers/customer-balances'
import type { PartnerBalanceWatcher } from '../../../electron/main/money/partner-balance'
import type { CustomerCreateService } from '../../../electron/main/customers/customer-create-service'
import type { CustomerDetailsService } from '../../../electron/main/customers/customer-details-service'
import type { ActivityService } from '../../../electron/main/activity/activity-service'
import type { WatchService } from '../../../electron/main/watch/watch-service'
import type { AlertService } from '../../../electron/main/notify/alert-service'
import type { BulkTopUps } from '../../../electron/main/money/bulk-top-up'
import type { CustomersService } from '../../../electron/main/customers/customers-service'
import type { LedgerService } from '../../../electron/main/money/ledger-service'
import type { SubAccountsService } from '../../../electron/main/subaccounts/subaccounts-service'
import type { SessionService } from '../../../electron/main/session/session-service'
import { createSettings } from '../../../electron/main/session/settings'
import { createMemoryClipboard } from '../../support/memory-clipboard'
import { makeTempDir } from '../../support/temp-dir'

const logger = createFileLogger({ file: join(makeTempDir(), 'main.log') })
const state: SessionState = {
  profiles: [],
  activeProfileId: null,
  partner: null,
  partnerStale: false,
  encryption: 'available',
  notice: null,
}

function table(overrides: Partial<SessionService> = {}) {
  const opened: string[] = []
  const clipboard = createMemoryClipboard()
  const session = { state: async () => state, ...overrides } as SessionService
  const handlers: HandlerTable = createHandlers({
    session,
    clipboard,
    openExternal: async (url) => {
      opened.push(url)
    },
    // Not used by these tests (the customer channels have their own).
    customers: {} as CustomersService,
    connectivity: { state: () => ({ online: null, since: new Date(0).toISOString() }) },
    settings: createSettings(new Map()),
    details: {} as CustomerDetailsService,
    credentials: {} as CredentialsService,
    create: {} as CustomerCreateService,
    balance: {} as PartnerBalanceWatcher,
    customerBalances: {} as CustomerBalances,
    transfers: {} as BalanceTransfers,
    transferHistory: { list: async () => [] },
    ledger: {} as LedgerService,
    subAccounts: {} as SubAccountsService,
    usage: {} as UsageService,
    numbers: {} as NumbersService,
    statements: {} as StatementService,
    bulkStatements: {} as BulkStatements,
    cdrExport: {} as CdrExport,
    kyc: {} as KycService,
    capacity: {} as CapacityService,
    activity: {} as ActivityService,
    watch: {} as WatchService,
    alerts: {} as AlertService,
    bulk: {} as BulkTopUps,
  })
  return { handlers, opened, clipboard }
}

describe('dispatch', () => {
  it('runs a valid request and returns ok with the contract-checked value', async () => {
    const result = await dispatch(table().handlers, 'session:get', {}, logger)
    expect(result).toEqual({ ok: true, value: state })
  })

  it('refuses unknown channels and malformed payloads with a validation error', async () => {
    const { handlers } = table()
    expect(await dispatch(handlers, 'fs:read', {}, logger)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
    const bad = await dispatch(handlers, 'session:signIn', { authId: 42, extra: true }, logger)
    expect(bad.ok).toBe(false)
    if (!bad.ok && bad.error.kind === 'validation') {
      expect(Object.keys(bad.error.fields)).toEqual(expect.arrayContaining(['authId', 'authToken']))
    }
    expect(
      await dispatch(handlers, 'clipboard:writeText', { text: 'x'.repeat(5000) }, logger),
    ).toMatchObject({
      ok: false,
    })
  })

  it('passes AppErrors through and hides unexpected exceptions', async () => {
    const failing = table({
      refreshPartner: async () => fail(appError.offline('Offline now')),
      signOut: async () => {
        throw new Error('disk exploded with token abc')
      },
    })
    expect(await dispatch(failing.handlers, 'partner:refresh', {}, logger)).toEqual({
      ok: false,
      error: { kind: 'offline', message: 'Offline now' },
    })
    const hidden = await dispatch(failing.handlers, 'session:signOut', { profileId: 'p' }, logger)
    expect(hidden).toMatchObject({ ok: false, error: { kind: 'server' } })
    expect(JSON.stringify(hidden)).not.toContain('abc')
  })

  it('rejects a handler reply that breaks the contract', async () => {
    const broken = table({ state: async () => ({ nonsense: true }) as unknown as SessionState })
    expect(await dispatch(broken.handlers, 'session:get', {}, logger)).toMatchObject({
      ok: false,
      error: { kind: 'server' },
    })
  })

  it('opens only allow-listed https links and writes the clipboard through the port', async () => {
    const { handlers, opened, clipboard } = table()
    expect(
      await dispatch(handlers, 'shell:openExternal', { url: 'https://evil.example/' }, logger),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(
      await dispatch(handlers, 'shell:openExternal', { url: 'https://docs.vobiz.ai/x' }, logger),
    ).toEqual({
      ok: true,
      value: { opened: true },
    })
    expect(opened).toEqual(['https://docs.vobiz.ai/x'])
    await dispatch(handlers, 'clipboard:writeText', { text: 'PA_ABC' }, logger)
    expect(clipboard.current()).toBe('PA_ABC')
    expect(isAllowedExternalUrl('http://docs.vobiz.ai')).toBe(false)
  })
})
