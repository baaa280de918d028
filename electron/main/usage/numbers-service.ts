import { AppFailure, appError, fail } from '../../../shared/app-error'
import { exactDecimal } from '../../../shared/money'
import {
  filterNumbers,
  NUMBERS_PAGE_SIZE,
  numbersPageSchema,
  type NumbersFilter,
  type NumbersPage,
  type NumbersQuery,
  type PhoneNumberView,
} from '../../../shared/numbers'
import type { PhoneNumberWire } from '../../../shared/vobiz-usage'
import { csvDocument, exportFileName } from '../platform/csv'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'
import type { UsageCache } from './usage-cache'

/** An export reads at most this many numbers. */
export const MAX_NUMBER_EXPORT = 100_000

export type NumbersServiceDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  cache: UsageCache
  saveFile: SaveFilePort
  clock: Clock
  logger: Logger
  /** A customer's name from the saved list, for the CSV. */
  accountName: (authId: string) => Promise<string | null>
}

const CAPABILITIES = ['voice', 'sms', 'mms', 'fax'] as const

export function toPhoneNumberView(wire: PhoneNumberWire): PhoneNumberView {
  return {
    e164: wire.e164,
    authId: wire.account_id ?? null,
    country: wire.country ?? null,
    region: wire.region ?? null,
    status: wire.status ?? null,
    capabilities: CAPABILITIES.filter((c) => wire.capabilities?.[c] === true),
    monthlyFee: exactDecimal(wire.monthly_fee),
    setupFee: exactDecimal(wire.setup_fee),
    currency: wire.currency ?? null,
    purchasedAt: wire.purchased_at ?? null,
    nextBillingDate: wire.next_billing_date ?? null,
  }
}

const CSV_HEADER = [
  'Number',
  'Customer',
  'Account',
  'Status',
  'Country',
  'Region',
  'Capabilities',
  'Monthly fee',
  'Setup fee',
  'Currency',
  'Next billing date',
  'Purchased',
]

/** The partner's phone numbers (read-only: assigning and releasing is done in the Console). */
export function createNumbersService(deps: NumbersServiceDeps) {
  const read = async (
    client: VobizClient,
    filters: { authId?: string | undefined; search?: string | undefined },
    page: number,
    perPage: number,
  ) => {
    const reply = await client.listNumbers(filters.authId ?? null, {
      page,
      perPage,
      ...(filters.search ? { search: filters.search } : {}),
    })
    const total = Number(reply.total)
    return {
      numbers: reply.items.map(toPhoneNumberView),
      // `total` is documented; without it the page alone says what is known.
      total: Number.isFinite(total) ? total : (page - 1) * perPage + reply.items.length,
    }
  }

  return {
    async page(query: NumbersQuery): Promise<NumbersPage> {
      const page = query.page ?? 1
      const perPage = query.perPage ?? NUMBERS_PAGE_SIZE
      const { profileId, client } = await deps.session.activeClient()
      const key = `numbers ${query.authId ?? '*'} ${query.search ?? ''} ${page} ${perPage}`
      return deps.cache.read(profileId, key, numbersPageSchema, async () => ({
        ...(await read(client, query, page, perPage)),
        page,
        perPage,
        savedAt: null,
      }))
    },

    /** Every number the filter keeps (all pages read, then filtered), saved as one CSV file. */
    async exportCsv(filter: NumbersFilter) {
      const { client } = await deps.session.activeClient()
      const all: PhoneNumberView[] = []
      const seen = new Set<string>()
      for (let page = 1; ; page++) {
        const reply = await read(client, filter, page, NUMBERS_PAGE_SIZE)
        if (reply.total > MAX_NUMBER_EXPORT) {
          fail(appError.validation(`${reply.total} numbers match: search to export fewer.`))
        }
        for (const n of reply.numbers) if (!seen.has(n.e164) && seen.add(n.e164)) all.push(n)
        if (reply.numbers.length < NUMBERS_PAGE_SIZE || all.length >= reply.total) break
      }
      const names = new Map<string, string | null>()
      for (const { authId } of all) {
        if (authId && !names.has(authId)) names.set(authId, await deps.accountName(authId))
      }
      const nameOf = (authId: string | null) => (authId && names.get(authId)) || authId || ''
      const numbers = filterNumbers(all, filter, nameOf)
      if (numbers.length === 0) fail(appError.validation('No numbers match.'))
      const rows = numbers.map((n) => [
        n.e164,
        (n.authId && names.get(n.authId)) || '',
        n.authId ?? '',
        n.status ?? '',
        n.country ?? '',
        n.region ?? '',
        n.capabilities.join(' '),
        n.monthlyFee ?? '',
        n.setupFee ?? '',
        n.currency ?? '',
        n.nextBillingDate ?? '',
        n.purchasedAt ?? '',
      ])
      const prefix = filter.authId ? `numbers-${filter.authId}` : 'numbers'
      try {
        const saved = await deps.saveFile(
          exportFileName(new Date(deps.clock.now()), prefix),
          csvDocument(CSV_HEADER, rows),
          'Export numbers',
        )
        return { ...saved, count: numbers.length }
      } catch (error) {
        if (error instanceof AppFailure) throw error
        deps.logger.error('numbers export not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },
  }
}
export type NumbersService = ReturnType<typeof createNumbersService>
