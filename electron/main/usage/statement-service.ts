import { AppFailure, appError, fail } from '../../../shared/app-error'
import { moneyToDecimalString, parseMoney, type Money } from '../../../shared/money'
import { NUMBERS_PAGE_SIZE } from '../../../shared/numbers'
import type { Statement, StatementRequest } from '../../../shared/statement'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'
import { toPhoneNumberView } from './numbers-service'
import { statementCsv, statementHtml } from './statement-document'

/** Renders self-contained HTML as a PDF (Electron's printToPDF in the app); null where none. */
export type PdfPort = ((html: string) => Promise<Uint8Array>) | null

export type StatementServiceDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  saveFile: SaveFilePort
  pdf: PdfPort
  clock: Clock
  logger: Logger
  accountName: (authId: string) => Promise<string | null>
}

const LEDGER_PAGE = 100
/** Ledger categories that are money received (the documented `transaction_type` words). */
const TOP_UP_TYPES = ['transfer', 'recharge'] as const

/** The first and last day of a `YYYY-MM` month. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

const sum = (amounts: readonly (string | null)[]): Money => ({
  units: amounts.reduce((total, a) => total + (parseMoney(a)?.units ?? 0n), 0n),
})
const decimal = (value: string | number | null | undefined) =>
  moneyToDecimalString(parseMoney(value) ?? { units: 0n })

/** Every page of a customer's ledger rows of one category in the month. */
async function ledgerRows(
  client: VobizClient,
  authId: string,
  type: string,
  from: string,
  to: string,
) {
  const rows = []
  for (let page = 1; ; page++) {
    const reply = await client.listTransactions(authId, {
      page,
      perPage: LEDGER_PAGE,
      type,
      fromDate: from,
      toDate: to,
    })
    rows.push(...reply.transactions)
    if (reply.transactions.length < LEDGER_PAGE || rows.length >= reply.total) return rows
  }
}

async function customerNumbers(client: VobizClient, authId: string) {
  const numbers = []
  for (let page = 1; ; page++) {
    const reply = await client.listNumbers(authId, { page, perPage: NUMBERS_PAGE_SIZE })
    numbers.push(...reply.items.map(toPhoneNumberView))
    if (reply.items.length < NUMBERS_PAGE_SIZE) return numbers
  }
}

/**
 * A customer's statement for a month, from three documented sources: the CDR summary for the
 * month's days, the ledger's transfer and recharge rows, and its numbers. The docs do not say
 * how number fees are billed: each number bought by the month's last day counts its
 * `monthly_fee` once (our reading).
 */
export async function buildStatement(
  client: VobizClient,
  request: StatementRequest & { name: string; createdAt: string },
): Promise<Statement> {
  const { authId, month } = request
  const { from, to } = monthDays(month)
  const [calls, topUpRows, numbers] = await Promise.all([
    client.listCdrs(authId, { page: 1, per_page: 1, start_date: from, end_date: to }),
    Promise.all(TOP_UP_TYPES.map((type) => ledgerRows(client, authId, type, from, to))),
    customerNumbers(client, authId),
  ])
  const topUps = topUpRows
    .flat()
    .map((row) => ({
      date: (row.processed_at ?? row.created_at ?? '').slice(0, 10) || null,
      amount: decimal(row.amount),
      description: row.description ?? null,
      reference: row.reference ?? row.id ?? null,
    }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  const billed = numbers
    .filter((n) => !n.purchasedAt || n.purchasedAt.slice(0, 10) <= to)
    .map((n) => ({ e164: n.e164, monthlyFee: n.monthlyFee ?? '0.00000' }))
  const summary = calls.summary
  const callCost = sum([decimal(summary?.total_cost)])
  const numberFees = sum(billed.map((n) => n.monthlyFee))
  const seconds = Number(summary?.total_billable_seconds ?? 0)
  return {
    authId,
    name: request.name,
    month,
    from,
    to,
    currency:
      calls.data[0]?.currency ??
      topUpRows.flat()[0]?.currency ??
      numbers.find((n) => n.currency)?.currency ??
      null,
    calls: {
      total: Number(summary?.totalCalls ?? calls.pagination?.total ?? 0) || 0,
      answered: Number(summary?.answeredCalls ?? 0) || 0,
      minutes: Number.isFinite(seconds) ? Math.round(seconds / 6) / 10 : 0,
      cost: moneyToDecimalString(callCost),
    },
    topUps,
    topUpTotal: moneyToDecimalString(sum(topUps.map((t) => t.amount))),
    numbers: billed,
    numberFees: moneyToDecimalString(numberFees),
    charges: moneyToDecimalString({ units: callCost.units + numberFees.units }),
    createdAt: request.createdAt,
  }
}

/** The file of a statement in a format: its name and content. */
export async function statementFile(
  statement: Statement,
  format: 'csv' | 'pdf',
  pdf: PdfPort,
): Promise<{ name: string; content: string | Uint8Array }> {
  const stem = `statement-${statement.month}-${statement.authId}`
  if (format === 'csv') return { name: `${stem}.csv`, content: statementCsv(statement) }
  if (!pdf) {
    return fail(
      appError.file(
        'PDF export needs the desktop app. In the browser preview, print the statement to PDF.',
      ),
    )
  }
  return { name: `${stem}.pdf`, content: await pdf(statementHtml(statement)) }
}

/** One customer's statement on screen, and saved as CSV or PDF. */
export function createStatementService(deps: StatementServiceDeps) {
  async function get(request: StatementRequest, client?: VobizClient): Promise<Statement> {
    const api = client ?? (await deps.session.activeClient()).client
    return buildStatement(api, {
      ...request,
      name: (await deps.accountName(request.authId)) ?? request.authId,
      createdAt: new Date(deps.clock.now()).toISOString(),
    })
  }
  return {
    get,
    async export(request: StatementRequest & { format: 'csv' | 'pdf' }) {
      const file = await statementFile(await get(request), request.format, deps.pdf)
      try {
        return await deps.saveFile(file.name, file.content, 'Export statement')
      } catch (error) {
        if (error instanceof AppFailure) throw error
        deps.logger.error('statement not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },
  }
}
export type StatementService = ReturnType<typeof createStatementService>
