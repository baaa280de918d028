import { basename } from 'node:path'
import {
  CDR_PAGE_SIZE,
  type CdrFilters,
  type CdrRow,
  type ExportProgress,
} from '../../../shared/usage'
import { csvCell, exportFileName } from '../platform/csv'
import { createJobSlot, type Job } from '../platform/job-slot'
import type { Logger } from '../platform/logger'
import type { Clock, SaveTargetPort } from '../platform/ports'
import { openStreamedFile, type StreamedFile } from '../platform/streamed-file'
import type { VobizClient } from '../vobiz/vobiz-client'
import { cdrWireQuery } from './usage-service'
import { toCdrPage } from './usage-views'

export type CdrExportDeps = {
  session: { activeClient(): Promise<{ profileId: string; client: VobizClient }> }
  saveTarget: SaveTargetPort
  accountName: (authId: string) => Promise<string | null>
  clock: Clock
  logger: Logger
  onProgress: (progress: ExportProgress) => void
}

const HEADER = [
  'Started',
  'Customer',
  'Account',
  'Direction',
  'From',
  'To',
  'Duration (s)',
  'Billed (s)',
  'Hangup cause',
  'Cost',
  'Currency',
  'Call UUID',
]
const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`

/**
 * Every call the filters match, as one CSV file: paged from the API and written page by page
 * (memory stays flat), progress after each page, cancel between pages; the file appears under
 * its name only when complete. One export at a time.
 */
export function createCdrExport(deps: CdrExportDeps) {
  const slot = createJobSlot('Calls are being exported already.')

  async function run(job: Job, client: VobizClient, path: string, filters: CdrFilters) {
    const fileName = basename(path)
    const progress: ExportProgress = {
      state: 'running',
      done: 0,
      total: null,
      fileName,
      message: null,
    }
    const names = new Map<string, string>()
    const nameOf = async (authId: string | null) => {
      if (!authId) return ''
      if (!names.has(authId)) names.set(authId, (await deps.accountName(authId)) ?? '')
      return names.get(authId) ?? ''
    }
    const row = async (r: CdrRow) =>
      line([
        r.startedAt ?? '',
        await nameOf(r.authId),
        r.authId ?? '',
        r.direction ?? '',
        r.from ?? '',
        r.to ?? '',
        r.duration === null ? '' : String(r.duration),
        r.billsec === null ? '' : String(r.billsec),
        r.hangupCause ?? '',
        r.cost ?? '',
        r.currency ?? '',
        r.uuid,
      ])
    let file: StreamedFile | null = null
    try {
      file = await openStreamedFile(path)
      await file.write(`\uFEFF${line(HEADER)}`)
      for (let page = 1; !job.cancelled; page++) {
        const query = cdrWireQuery({ ...filters, page, perPage: CDR_PAGE_SIZE })
        const reply = toCdrPage(await client.listCdrs(filters.authId ?? null, query), {
          page,
          perPage: CDR_PAGE_SIZE,
        })
        let text = ''
        for (const r of reply.rows) text += await row(r)
        await file.write(text)
        progress.done += reply.rows.length
        progress.total = reply.total
        deps.onProgress({ ...progress })
        if (reply.rows.length < CDR_PAGE_SIZE || progress.done >= reply.total) break
      }
      if (job.cancelled) {
        await file.abort()
        progress.state = 'cancelled'
      } else {
        await file.commit()
        progress.state = 'done'
      }
    } catch (error) {
      await file?.abort().catch(() => undefined)
      deps.logger.warn('call record export stopped', { error })
      progress.state = 'failed'
      progress.message = 'The export stopped and its file was removed. Try again.'
    }
    deps.onProgress({ ...progress })
  }

  return {
    /** Asks where to save, then exports in the background; the progress events say the rest. */
    async start(filters: CdrFilters): Promise<{ started: boolean }> {
      return slot.start(async (job) => {
        const { client } = await deps.session.activeClient()
        const prefix = filters.authId ? `calls-${filters.authId}` : 'calls'
        const path = await deps.saveTarget(
          exportFileName(new Date(deps.clock.now()), prefix),
          'Export calls',
        )
        return path ? () => run(job, client, path, filters) : null
      })
    },
    cancel: () => slot.cancel(),
  }
}
export type CdrExport = ReturnType<typeof createCdrExport>
