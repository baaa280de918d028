import type { TransactionRow } from '../../../shared/vobiz'
import type { VobizClient } from '../vobiz/vobiz-client'

/** Ledger pages read at most when looking for a lost transfer (10,000 entries). */
const MAX_LOOKUP_PAGES = 100

/** The transfer's description: the note (or a default) with the unique reference after it. */
export const descriptionWith = (note: string | undefined, reference: string): string =>
  note?.trim()
    ? `${note.trim().slice(0, 200)} [${reference}]`
    : `Partner Desk top-up [${reference}]`

/**
 * A ledger row of this transfer: the reference is in its `description` (where the app writes it)
 * or its `reference` (should Vobiz copy it there); the docs say only that the transfer is found by
 * those two, not which one holds what.
 */
const carriesReference = (row: TransactionRow, reference: string): boolean =>
  [row.description, row.reference].some((text) => text?.includes(reference) === true)

/**
 * The customer's ledger, newest first, page after page (a busy wallet's usage can push the
 * transfer past the first page): the leg with this reference, if any. It stops at entries from
 * well before the transfer was sent (two days, as clocks and days may not agree).
 */
export async function findTransfer(
  client: VobizClient,
  authId: string,
  sent: { reference: string; at: string },
): Promise<TransactionRow | null> {
  const cutoff = Date.parse(sent.at) - 2 * 86_400_000
  for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
    const reply = await client.listTransactions(authId, { page, perPage: 100 })
    const found = reply.transactions.find((row) => carriesReference(row, sent.reference))
    if (found) return found
    const last = reply.transactions.at(-1)
    const oldest = Date.parse(last?.processed_at ?? last?.created_at ?? '')
    if (reply.transactions.length === 0 || page * 100 >= reply.total) return null
    if (!Number.isNaN(oldest) && oldest < cutoff) return null
  }
  return null
}
