import { AppFailure, appError, fail } from '../../../shared/app-error'
import {
  MAX_LEDGER_PAGE_SIZE,
  type LedgerEntry,
  type LedgerFilters,
  type LedgerPage,
} from '../../../shared/ledger'
import { exactDecimal } from '../../../shared/money'
import type { TransactionRow } from '../../../shared/vobiz'
import { exportFileName } from '../platform/csv'
import { ledgerToCsv } from './ledger-csv'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort } from '../platform/ports'
import type { TransactionQuery, VobizClient } from '../vobiz/vobiz-client'

/** An export reads at most this many entries: past it, the user narrows the dates. */
export const MAX_EXPORT_ENTRIES = 100_000

export type LedgerServiceDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  saveFile: SaveFilePort
  clock: Clock
  logger: Logger
  /** The name of a customer of the signed-in profile, from the saved list, for the CSV. */
  accountName: (authId: string) => Promise<string | null>
}

export type LedgerService = ReturnType<typeof createLedgerService>

export function toLedgerEntry(item: TransactionRow): LedgerEntry {
  return {
    // The schema refuses a row with neither.
    transactionId: item.id ?? item.transaction_id ?? '',
    authId: item.account_id ?? item.auth_id ?? null,
    type: item.type ?? item.transaction_type ?? null,
    amount: exactDecimal(item.amount),
    currency: item.currency ?? null,
    description: item.description ?? null,
    reference: item.reference ?? null,
    status: item.status ?? null,
    createdAt: item.processed_at ?? item.created_at ?? null,
  }
}

const queryOf = (filters: LedgerFilters): TransactionQuery => ({
  ...(filters.type ? { type: filters.type } : {}),
  ...(filters.from ? { fromDate: filters.from } : {}),
  ...(filters.to ? { toDate: filters.to } : {}),
})

/** A customer's ledger or the partner's, a page at a time, and the whole of it as CSV. */
export function createLedgerService(deps: LedgerServiceDeps) {
  async function read(filters: LedgerFilters, page: number, perPage: number, client?: VobizClient) {
    const api = client ?? (await deps.session.activeClient()).client
    return api.listTransactions(filters.authId ?? null, {
      ...queryOf(filters),
      page,
      perPage,
    })
  }

  return {
    async page(query: LedgerFilters & { page: number; perPage: number }): Promise<LedgerPage> {
      const reply = await read(query, query.page, query.perPage)
      return {
        entries: reply.transactions.map(toLedgerEntry),
        total: reply.total,
        page: reply.page,
        perPage: query.perPage,
        pages: Math.ceil(reply.total / query.perPage),
      }
    },

    /** Every entry matching the filters (paged through in full), saved as one CSV file. */
    async exportCsv(
      filters: LedgerFilters,
    ): Promise<{ saved: boolean; fileName: string | null; count: number }> {
      // One client for the whole export: a profile switch meanwhile cannot mix two ledgers.
      const { client } = await deps.session.activeClient()
      const entries: LedgerEntry[] = []
      const seen = new Set<string>()
      let total = Infinity
      for (let page = 1; (page - 1) * MAX_LEDGER_PAGE_SIZE < total; page++) {
        const reply = await read(filters, page, MAX_LEDGER_PAGE_SIZE, client)
        if (reply.total > MAX_EXPORT_ENTRIES) {
          fail(
            appError.validation(
              `${reply.total} entries match: narrow the dates to export at most ${MAX_EXPORT_ENTRIES}.`,
            ),
          )
        }
        total = reply.total
        // New entries during the export shift the pages (newest first): the repeats are dropped.
        for (const entry of reply.transactions.map(toLedgerEntry)) {
          const key = `${entry.transactionId}/${entry.authId ?? ''}`
          if (seen.has(key)) continue
          seen.add(key)
          entries.push(entry)
        }
        // A ledger that shrank while paging ends here rather than looping on empty pages.
        if (reply.transactions.length === 0) break
      }
      if (entries.length === 0) fail(appError.validation('No transactions match these filters.'))
      const names = new Map<string, string | null>()
      for (const entry of entries) {
        const id = entry.authId
        if (id && !names.has(id)) names.set(id, await deps.accountName(id))
      }
      const prefix = filters.authId ? `transactions-${filters.authId}` : 'transactions'
      try {
        const saved = await deps.saveFile(
          exportFileName(new Date(deps.clock.now()), prefix),
          ledgerToCsv(entries, (id) => names.get(id) ?? null),
          'Export transactions',
        )
        return { ...saved, count: entries.length }
      } catch (error) {
        if (error instanceof AppFailure) throw error
        deps.logger.error('ledger export not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },
  }
}
