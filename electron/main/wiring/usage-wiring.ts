import { createBulkStatements } from '../usage/bulk-statements'
import { createCdrExport } from '../usage/cdr-export'
import { createNumbersService } from '../usage/numbers-service'
import { createStatementService } from '../usage/statement-service'
import { createUsageCache } from '../usage/usage-cache'
import { createUsageService } from '../usage/usage-service'
import type { AppPorts } from './app-ports'
import type { CustomerServices } from './customers-wiring'
import type { SessionServices } from './session-wiring'

export type UsageServices = ReturnType<typeof createUsageServices>

/**
 * Call records and analytics, numbers, statements (one or every customer's, as PDF) and the
 * streamed call-record export; the long exports report their progress as events.
 */
export function createUsageServices(
  ports: AppPorts,
  { session }: SessionServices,
  { customers, customerLookup }: CustomerServices,
) {
  const { logger, clock, dataDir, saveFile } = ports
  const usageCache = createUsageCache({ dataDir, logger, clock })
  const usage = createUsageService({ session, cache: usageCache })
  const pdf = ports.pdf ?? null
  const statements = createStatementService({
    session,
    saveFile,
    pdf,
    clock,
    logger,
    accountName: customerLookup.name,
  })
  const cdrExport = createCdrExport({
    session,
    saveTarget: ports.saveTarget,
    accountName: customerLookup.name,
    clock,
    logger,
    onProgress: (progress) => ports.emit('usage:exportProgress', progress),
  })
  const bulkStatements = createBulkStatements({
    session,
    customers: async () =>
      (await customers.snapshot()).rows.map(({ authId, name }) => ({ authId, name })),
    chooseFolder: ports.chooseFolder,
    pdf,
    clock,
    logger,
    onProgress: (progress) => ports.emit('statements:progress', progress),
  })
  const numbers = createNumbersService({
    session,
    cache: usageCache,
    saveFile,
    clock,
    logger,
    accountName: customerLookup.name,
  })

  return { usageCache, usage, statements, cdrExport, bulkStatements, numbers }
}
