import { basename } from 'node:path'
import { AppFailure, appError, fail } from '../../../shared/app-error'
import type { BulkStatementsProgress } from '../../../shared/statement'
import { writeAtomically } from '../platform/atomic-write'
import { createJobSlot, type Job } from '../platform/job-slot'
import type { Logger } from '../platform/logger'
import type { ChooseFolderPort, Clock } from '../platform/ports'
import type { VobizClient } from '../vobiz/vobiz-client'
import { buildStatement, statementFile, type PdfPort } from './statement-service'

export type BulkStatementsDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  /** The saved customers of the signed-in profile. */
  customers: () => Promise<readonly { authId: string; name: string }[]>
  chooseFolder: ChooseFolderPort
  pdf: PdfPort
  clock: Clock
  logger: Logger
  onProgress: (progress: BulkStatementsProgress) => void
  /** Statements read at once (each is a few API requests). */
  concurrency?: number
}

/**
 * One statement per saved customer into a folder the user picks, in the background: progress
 * after each file, cancel between files. Each file is written whole or not at all (temp file and
 * rename), so a cancel or failure leaves no partial file. One export at a time.
 */
export function createBulkStatements(deps: BulkStatementsDeps) {
  const slot = createJobSlot('Statements are being exported already.')

  async function run(
    job: Job,
    client: VobizClient,
    folder: string,
    month: string,
    format: 'csv' | 'pdf',
    customers: readonly { authId: string; name: string }[],
  ) {
    const progress: BulkStatementsProgress = {
      state: 'running',
      done: 0,
      total: customers.length,
      folder: basename(folder),
      failed: [],
      message: null,
    }
    deps.onProgress({ ...progress })
    const createdAt = new Date(deps.clock.now()).toISOString()
    let next = 0
    const worker = async () => {
      for (
        let customer = customers[next++];
        customer && !job.cancelled;
        customer = customers[next++]
      ) {
        try {
          const statement = await buildStatement(client, { ...customer, month, createdAt })
          const file = await statementFile(statement, format, deps.pdf)
          if (job.cancelled) return
          await writeAtomically(folder, file.name, file.content)
        } catch (error) {
          // A customer Vobiz cannot answer for is listed; a folder that cannot be written ends it.
          if (error instanceof AppFailure) progress.failed.push(customer.name)
          else throw error
        }
        progress.done++
        deps.onProgress({ ...progress, failed: [...progress.failed] })
      }
    }
    try {
      await Promise.all(Array.from({ length: deps.concurrency ?? 4 }, worker))
      progress.state = job.cancelled ? 'cancelled' : 'done'
    } catch (error) {
      deps.logger.error('bulk statements stopped', { error })
      progress.state = 'failed'
      progress.message = 'A statement could not be written to the folder. Choose another folder.'
    }
    deps.onProgress({ ...progress, failed: [...progress.failed] })
  }

  return {
    /**
     * Asks for the folder, then starts; resolves once it has started (or the user cancelled the
     * folder dialog), not when it ends: the progress events say that.
     */
    async start(request: { month: string; format: 'csv' | 'pdf' }) {
      if (request.format === 'pdf' && !deps.pdf) {
        fail(appError.file('PDF export needs the desktop app. Export CSV here instead.'))
      }
      return slot.start(async (job) => {
        const customers = await deps.customers()
        if (customers.length === 0) fail(appError.validation('There are no saved customers yet.'))
        const { client } = await deps.session.activeClient()
        const folder = await deps.chooseFolder('Choose a folder for the statements')
        return folder
          ? () => run(job, client, folder, request.month, request.format, customers)
          : null
      })
    },
    /** Stops after the statements being read; the files already written stay. */
    cancel: () => slot.cancel(),
  }
}
export type BulkStatements = ReturnType<typeof createBulkStatements>
