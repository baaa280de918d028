import type { DryRun, DryRunRow } from '../../../shared/bulk-top-up'
import { compareMoney, moneyToDecimalString, parseMoney, type Money } from '../../../shared/money'
import { checkAmount } from '../../../shared/transfer-amount'

/** One row to check: where it came from, and its auth id and amount as given. */
export type DryRunInput = {
  line: number | null
  authId: string
  amountText: string
  /** A problem found while reading it (a CSV line that could not be read). */
  problem?: string | null
}

export type SavedCustomer = { name: string; balance: string | null; currency: string | null }

export type PartnerFunds = {
  balance: string | null
  currency: string | null
  canTransfer: boolean
}

const NO_PERMISSION = 'This partner account may not transfer balance (can_transfer_balance is off).'

/**
 * The dry run of a batch, sending nothing: each row's problems (unreadable, unknown customer,
 * listed twice, amount not valid, wallet in another currency, no permission), its amount and the
 * customer's balance before → after, and the total of the rows to send against the partner
 * wallet. The checks are the single top-up's (balance-transfers), row by row.
 */
export function dryRunBatch(
  input: readonly DryRunInput[],
  customer: (authId: string) => SavedCustomer | null,
  partner: PartnerFunds | null,
): Omit<DryRun, 'id'> {
  const currency = partner?.currency ?? null
  const firstSeen = new Map<string, number>()
  let total: Money = { units: 0n }
  const rows = input.map((row, index): DryRunRow => {
    const problems: string[] = row.problem ? [row.problem] : []
    const saved = row.authId ? customer(row.authId) : null
    if (!row.problem) {
      if (!row.authId) problems.push('No auth id.')
      else if (!saved) problems.push('Unknown customer: not in the synced customer list.')
      const earlier = firstSeen.get(row.authId)
      if (row.authId && earlier !== undefined) {
        const where = input[earlier]?.line
        problems.push(where ? `Listed twice: also on line ${where}.` : 'Listed twice.')
      } else if (row.authId) firstSeen.set(row.authId, index)
    }
    const checked = checkAmount(row.amountText)
    if (!row.problem && !checked.ok) problems.push(checked.message)
    if (saved?.currency && currency && saved.currency !== currency) {
      problems.push(`Wallet in ${saved.currency}; transfers are in ${currency}.`)
    }
    if (partner && !partner.canTransfer) problems.push(NO_PERMISSION)
    const amount = checked.ok ? checked.money : null
    const before = parseMoney(saved?.balance ?? null)
    if (amount && problems.length === 0) total = { units: total.units + amount.units }
    return {
      line: row.line,
      authId: row.authId,
      name: saved?.name ?? null,
      amountText: row.amountText,
      amount: amount ? moneyToDecimalString(amount) : null,
      balanceBefore: before ? moneyToDecimalString(before) : null,
      balanceAfter:
        before && amount ? moneyToDecimalString({ units: before.units + amount.units }) : null,
      currency: saved?.currency ?? currency,
      problems,
    }
  })
  const sendable = rows.filter((row) => row.problems.length === 0).length
  const available = parseMoney(partner?.balance ?? null)
  const insufficient = available !== null && compareMoney(available, total) < 0
  return {
    rows,
    currency,
    total: moneyToDecimalString(total),
    sendable,
    partnerBalance: available ? moneyToDecimalString(available) : null,
    partnerAfter: available ? moneyToDecimalString({ units: available.units - total.units }) : null,
    insufficient,
    blocked: !partner
      ? 'The partner profile has not been read yet.'
      : !partner.canTransfer
        ? NO_PERMISSION
        : !currency
          ? 'The partner’s currency is not known yet: refresh and try again.'
          : sendable === 0
            ? 'No row can be sent: fix the problems shown.'
            : insufficient
              ? 'The partner wallet does not cover the total.'
              : null,
  }
}
