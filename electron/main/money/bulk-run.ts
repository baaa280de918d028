import { AppFailure } from '../../../shared/app-error'
import type { BulkBatch, BulkRow } from '../../../shared/bulk-top-up'
import type { TransferResult } from '../../../shared/balance'
import type { Logger } from '../platform/logger'
import type { Clock } from '../platform/ports'
import { newTransferReference, type BalanceTransfers } from './balance-transfers'
import type { BulkJournal } from './bulk-journal'

export type RowRecorder = (batch: BulkBatch, row: BulkRow, outcome: string) => void

export type BulkRunDeps = {
  transfers: Pick<BalanceTransfers, 'transfer' | 'check'>
  journal: Pick<BulkJournal, 'write'>
  clock: Clock
  logger: Logger
  /** Each row's outcome, for the activity log. */
  recordRow: RowRecorder
  /** The batch after each change, for the screen. */
  progress: (batch: BulkBatch) => void
  /** A new PD- reference (tests may fix it). */
  reference?: () => string
}

const errorOf = (error: unknown) =>
  error instanceof AppFailure
    ? error.appError
    : { kind: 'server' as const, message: 'Something went wrong.' }

function applied(row: BulkRow, result: TransferResult): void {
  row.state = result.recovered ? 'recovered' : 'applied'
  row.transactionId = result.transactionId
  row.customerBalanceAfter = result.customerBalanceAfter
  row.message = result.recovered ? 'The reply was lost; found in the ledger.' : null
}

/**
 * Sends a batch's pending rows one at a time through the single top-up (its checks, its
 * never-twice send and its lookup of a lost reply). Each row is journaled as `sending`, with
 * its reference, before its request leaves. A row whose outcome stays unknown stops the batch;
 * `cancelled()` is asked before each row.
 */
export function createBulkRun(deps: BulkRunDeps) {
  const newReference = deps.reference ?? newTransferReference
  const save = async (batch: BulkBatch) => {
    batch.revision += 1
    await deps.journal.write(batch)
    deps.progress(batch)
  }

  async function sendRow(batch: BulkBatch, row: BulkRow): Promise<'next' | 'stop'> {
    row.state = 'sending'
    row.reference = newReference()
    row.sentAt = new Date(deps.clock.now()).toISOString()
    row.message = null
    try {
      await save(batch)
    } catch {
      // Not journaled, so not sent: a crash now could not be resumed safely.
      Object.assign(row, { state: 'pending', reference: null, sentAt: null })
      row.message = 'Not sent: the batch could not be saved on this computer.'
      return 'stop'
    }
    try {
      const result = await deps.transfers.transfer({
        authId: row.authId,
        amount: row.amount,
        note: 'Partner Desk bulk top-up',
        reference: row.reference,
      })
      applied(row, result)
      deps.recordRow(batch, row, 'ok')
      return 'next'
    } catch (error) {
      const { kind, message } = errorOf(error)
      row.state = kind === 'unknown_outcome' ? 'unknown' : 'failed'
      row.message = message
      deps.recordRow(batch, row, kind)
      return row.state === 'unknown' ? 'stop' : 'next'
    }
  }

  return {
    /** Runs the batch to its end, a cancel or a stop; saves and reports every change. */
    async run(batch: BulkBatch, cancelled: () => boolean): Promise<BulkBatch> {
      batch.status = 'running'
      let ended: 'done' | 'cancelled' | 'stopped' = 'done'
      for (const row of batch.rows) {
        if (row.state !== 'pending') continue
        if (cancelled()) {
          ended = 'cancelled'
          break
        }
        const next = await sendRow(batch, row)
        await save(batch).catch(() => undefined)
        if (next === 'stop') {
          ended = 'stopped'
          break
        }
      }
      if (ended === 'cancelled') {
        for (const row of batch.rows) if (row.state === 'pending') row.state = 'skipped'
      }
      batch.status = ended
      await save(batch).catch((error: unknown) =>
        deps.logger.warn('bulk top-up journal not saved', { error }),
      )
      return batch
    },

    /**
     * The rows a stop or a crash left unresolved (`sending`, `unknown`): looked up in the ledger
     * by their reference. Found: applied. Not there: nothing moved, and the row may be sent again
     * (with a new reference). The lookup failing leaves it unknown. True when none is left.
     */
    async resolve(batch: BulkBatch): Promise<boolean> {
      let resolved = true
      for (const row of batch.rows) {
        if ((row.state !== 'sending' && row.state !== 'unknown') || !row.reference) continue
        try {
          const { applied: found } = await deps.transfers.check(row.authId, {
            profileId: batch.profileId,
            reference: row.reference,
            amount: row.amount,
            currency: batch.currency,
            at: row.sentAt ?? batch.createdAt,
          })
          if (found) {
            applied(row, found)
            deps.recordRow(batch, row, 'ok')
          } else {
            Object.assign(row, { state: 'pending', reference: null, sentAt: null })
            row.message = 'Not applied before the interruption: sent again when resumed.'
          }
        } catch (error) {
          row.state = 'unknown'
          row.message = errorOf(error).message
          resolved = false
        }
        await save(batch)
      }
      return resolved
    },
  }
}
