import {
  ACTIVITY_ACTIONS,
  ACTIVITY_LIST_LIMIT,
  matchesActivity,
  type ActivityFilters,
  type ActivityList,
} from '../../../shared/activity'
import { AppFailure, appError, fail } from '../../../shared/app-error'
import { csvDocument, exportFileName } from '../platform/csv'
import type { Logger } from '../platform/logger'
import type { Clock, SaveFilePort } from '../platform/ports'
import type { ActivityLog } from './activity-log'

const CSV_HEADER = [
  'Entry',
  'Time (UTC)',
  'Action',
  'Target',
  'Detail',
  'Outcome',
  'Reference',
  'Hash',
]

export type ActivityService = ReturnType<typeof createActivityService>

/** The Activity screen's reading of the signed-in profile's log, and its CSV export. */
export function createActivityService(deps: {
  log: Pick<ActivityLog, 'read'>
  activeProfileId: () => string | null
  saveFile: SaveFilePort
  clock: Clock
  logger: Logger
}) {
  async function matching(filters: ActivityFilters) {
    const profileId = deps.activeProfileId()
    if (!profileId) return fail(appError.unauthorized('Sign in to continue.'))
    try {
      const { entries, chain } = await deps.log.read(profileId)
      const newestFirst = entries.filter((e) => matchesActivity(e, filters)).reverse()
      return { entries: newestFirst, total: entries.length, chain }
    } catch (error) {
      deps.logger.error('activity log unreadable', { error })
      return fail(appError.file('The activity log could not be read.'))
    }
  }

  return {
    async list(filters: ActivityFilters): Promise<ActivityList> {
      const { entries, total, chain } = await matching(filters)
      return {
        entries: entries.slice(0, ACTIVITY_LIST_LIMIT),
        matching: entries.length,
        total,
        chain,
      }
    },
    async exportCsv(filters: ActivityFilters) {
      const { entries } = await matching(filters)
      if (entries.length === 0) fail(appError.validation('No activity matches.'))
      const rows = entries.map((e) => [
        String(e.seq),
        e.time,
        ACTIVITY_ACTIONS[e.action],
        e.target ?? '',
        e.detail ?? '',
        e.outcome,
        e.reference ?? '',
        e.hash,
      ])
      try {
        const saved = await deps.saveFile(
          exportFileName(new Date(deps.clock.now()), 'activity'),
          csvDocument(CSV_HEADER, rows),
          'Export activity',
        )
        return { ...saved, count: entries.length }
      } catch (error) {
        if (error instanceof AppFailure) throw error
        deps.logger.error('activity export not saved', { error })
        return fail(appError.file('The file could not be saved. Choose another folder.'))
      }
    },
  }
}
