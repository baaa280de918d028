import { randomBytes } from 'node:crypto'
import type { ActivityAction } from '../../../shared/activity'
import { AppFailure, appError, fail } from '../../../shared/app-error'
import {
  BULK_MAX_ROWS,
  type BulkBatch,
  type BulkDryRunRequest,
  type BulkRow,
  type DryRun,
} from '../../../shared/bulk-top-up'
import type { CustomerRow } from '../../../shared/customers'
import type { PartnerView } from '../../../shared/ipc-contract'
import { csvDocument, exportFileName } from '../platform/csv'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort } from '../platform/ports'
import type { BalanceTransfers } from './balance-transfers'
import { parseBulkCsv } from './bulk-csv'
import { dryRunBatch, type DryRunInput } from './bulk-dry-run'
import type { BulkJournal } from './bulk-journal'
import { createBulkRun } from './bulk-run'

export type ActivityRecord = {
  action: ActivityAction
  target: string | null
  detail: string | null
  outcome: string
  reference: string | null
}

export type BulkTopUpsDeps = {
  session: {
    activeProfileId(): string | null
    /** The partner read now if possible (its balance, currency, permission), else as last read. */
    freshPartner(): Promise<PartnerView | null>
  }
  /** The signed-in profile's saved customers. */
  customers: () => Promise<readonly CustomerRow[]>
  transfers: Pick<BalanceTransfers, 'transfer' | 'check'>
  journal: BulkJournal
  saveFile: SaveFilePort
  clock: Clock
  logger: Logger
  record: (profileId: string, entry: ActivityRecord) => void
  progress: (batch: BulkBatch | null) => void
  reference?: () => string
}

export type BulkTopUps = ReturnType<typeof createBulkTopUps>

const REPORT_HEADER = [
  'Auth ID',
  'Customer',
  'Amount',
  'Currency',
  'Result',
  'Reference',
  'Transaction ID',
  'Balance after',
  'Message',
]
/** Dry runs kept for their confirmation (the latest few). */
const KEPT_DRY_RUNS = 5
const UNFINISHED = new Set<BulkBatch['status']>(['running', 'interrupted', 'stopped'])

/**
 * Bulk top-up: a dry run of the whole batch, one confirmation, then the rows one at a time
 * through the single top-up (see bulk-run), journaled per profile so a crash or quit resumes
 * without sending a row twice. One batch at a time.
 */
export function createBulkTopUps(deps: BulkTopUpsDeps) {
  const dryRuns = new Map<string, { profileId: string; dryRun: DryRun }>()
  let running: { batch: BulkBatch; cancel: boolean; done: Promise<unknown> } | null = null

  const runner = createBulkRun({
    ...deps,
    recordRow: (batch, row, outcome) =>
      deps.record(batch.profileId, {
        action: 'top-up',
        target: row.authId,
        detail: `${row.amount} ${batch.currency} (bulk)`,
        outcome,
        reference:
          row.reference &&
          (row.transactionId ? `${row.reference} · ${row.transactionId}` : row.reference),
      }),
    progress: (batch) => deps.progress(batch),
  })

  function profile(): string {
    return deps.session.activeProfileId() ?? fail(appError.unauthorized('Sign in to continue.'))
  }

  /** The profile's batch: the one running, else the journal's (`running` there: interrupted). */
  async function current(profileId: string): Promise<BulkBatch | null> {
    if (running?.batch.profileId === profileId) return running.batch
    const saved = await deps.journal.read(profileId)
    if (!saved) return null
    return saved.status === 'running' ? { ...saved, status: 'interrupted' } : saved
  }

  function recordRun(batch: BulkBatch, detail: string, outcome: string): void {
    deps.record(batch.profileId, {
      action: 'bulk-top-up',
      target: `${batch.rows.length} customers`,
      detail,
      outcome,
      reference: batch.id,
    })
  }

  function launch(batch: BulkBatch): void {
    const run = { batch, cancel: false, done: Promise.resolve() as Promise<unknown> }
    running = run
    run.done = runner
      .run(batch, () => run.cancel)
      .then((ended) => {
        const counts = countStates(ended.rows)
        const outcome =
          ended.status === 'done'
            ? 'ok'
            : ended.status === 'cancelled'
              ? 'cancelled'
              : 'unknown_outcome'
        recordRun(ended, `ended: ${counts}`, outcome)
      })
      .catch((error: unknown) => deps.logger.error('bulk top-up stopped', { error }))
      .finally(() => {
        if (running === run) running = null
        deps.progress(batch)
      })
  }

  async function unfinishedBatch(profileId: string): Promise<BulkBatch | null> {
    const batch = await current(profileId)
    return batch && UNFINISHED.has(batch.status) ? batch : null
  }

  return {
    async dryRun(request: BulkDryRunRequest): Promise<DryRun> {
      const profileId = profile()
      const input: DryRunInput[] =
        request.source === 'csv'
          ? parseBulkCsv(request.text)
          : request.rows.map((row) => ({ line: null, authId: row.authId, amountText: row.amount }))
      if (input.length === 0) fail(appError.validation('The file has no rows.'))
      if (input.length > BULK_MAX_ROWS) {
        fail(
          appError.validation(`At most ${BULK_MAX_ROWS.toLocaleString('en')} rows in one batch.`),
        )
      }
      const [rows, partner] = await Promise.all([deps.customers(), deps.session.freshPartner()])
      const byId = new Map(rows.map((row) => [row.authId, row]))
      const checked = dryRunBatch(
        input,
        (authId) => byId.get(authId) ?? null,
        partner && {
          balance: partner.balance,
          currency: partner.currency,
          canTransfer: partner.permissions.transferBalance,
        },
      )
      const dryRun = { id: randomBytes(8).toString('hex'), ...checked }
      dryRuns.set(dryRun.id, { profileId, dryRun })
      for (const id of dryRuns.keys()) if (dryRuns.size > KEPT_DRY_RUNS) dryRuns.delete(id)
      return dryRun
    },

    /** The one confirmation: the dry run's sendable rows become the batch, sent in order. */
    async start(dryRunId: string): Promise<{ batch: BulkBatch }> {
      const profileId = profile()
      const kept = dryRuns.get(dryRunId)
      if (!kept || kept.profileId !== profileId) {
        fail(appError.validation('That dry run is no longer current: run it again.'))
      }
      const { dryRun } = kept
      if (dryRun.blocked || !dryRun.currency)
        fail(appError.validation(dryRun.blocked ?? 'Nothing to send.'))
      if (await unfinishedBatch(profileId)) {
        fail(appError.validation('The last batch is not finished: resume or end it first.'))
      }
      dryRuns.delete(dryRunId)
      const batch: BulkBatch = {
        id: `BULK-${dryRunId.slice(0, 8).toUpperCase()}`,
        profileId,
        createdAt: new Date(deps.clock.now()).toISOString(),
        currency: dryRun.currency,
        total: dryRun.total,
        status: 'running',
        revision: 0,
        rows: dryRun.rows
          .filter((row) => row.problems.length === 0 && row.amount)
          .map((row) => ({
            authId: row.authId,
            name: row.name,
            amount: row.amount ?? '',
            state: 'pending',
            reference: null,
            sentAt: null,
            transactionId: null,
            customerBalanceAfter: null,
            message: null,
          })),
      }
      await deps.journal
        .write(batch)
        .catch(() =>
          fail(appError.file('The batch could not be saved on this computer: nothing was sent.')),
        )
      recordRun(
        batch,
        `started: ${batch.rows.length} ${batch.rows.length === 1 ? 'row' : 'rows'}, total ${batch.total} ${batch.currency}`,
        'ok',
      )
      launch(batch)
      return { batch }
    },

    async state(): Promise<{ batch: BulkBatch | null }> {
      return { batch: await current(profile()) }
    },

    /** Stops before the next row (the row on its way finishes). */
    async cancel(): Promise<{ batch: BulkBatch | null }> {
      const profileId = profile()
      if (running?.batch.profileId === profileId) running.cancel = true
      return { batch: await current(profileId) }
    },

    /** An interrupted or stopped batch: unknown rows looked up, then the rest sent or skipped. */
    async resume(send: boolean): Promise<{ batch: BulkBatch | null }> {
      const profileId = profile()
      if (running) fail(appError.validation('A batch is running: wait for it or cancel it.'))
      const batch = await unfinishedBatch(profileId)
      if (!batch) fail(appError.validation('There is no unfinished batch.'))
      batch.status = 'stopped'
      if (!(await runner.resolve(batch))) {
        return { batch }
      }
      if (send) {
        launch(batch)
        return { batch }
      }
      for (const row of batch.rows) if (row.state === 'pending') row.state = 'skipped'
      batch.status = 'cancelled'
      batch.revision += 1
      await deps.journal.write(batch)
      recordRun(batch, `ended: ${countStates(batch.rows)}`, 'cancelled')
      deps.progress(batch)
      return { batch }
    },

    async exportReport() {
      const batch = await current(profile())
      if (!batch) return fail(appError.validation('There is no batch to report.'))
      const rows = batch.rows.map((row) => [
        row.authId,
        row.name ?? '',
        row.amount,
        batch.currency,
        row.state,
        row.reference ?? '',
        row.transactionId ?? '',
        row.customerBalanceAfter ?? '',
        row.message ?? '',
      ])
      try {
        const saved = await deps.saveFile(
          exportFileName(new Date(deps.clock.now()), 'bulk-top-up'),
          csvDocument(REPORT_HEADER, rows),
          'Save bulk top-up report',
        )
        return { ...saved, count: rows.length }
      } catch (error) {
        if (error instanceof AppFailure) throw error
        deps.logger.error('bulk top-up report not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },

    /** Sign-out or quit: no further row is sent. */
    stop(): void {
      if (running) running.cancel = true
    },
    /** Settles when the running batch (if any) has ended (tests). */
    settled: (): Promise<unknown> => running?.done ?? Promise.resolve(),
  }
}

/** "3 applied, 1 failed" for the activity log. */
function countStates(rows: readonly BulkRow[]): string {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1)
  return [...counts].map(([state, count]) => `${count} ${state}`).join(', ')
}
