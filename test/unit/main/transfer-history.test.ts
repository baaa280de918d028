import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger } from '../../../electron/main/platform/logger'
import { createTransferHistory } from '../../../electron/main/money/transfer-history'
import type { TransferRecord } from '../../../shared/ledger'
import { makeTempDir } from '../../support/temp-dir'

const record = (reference: string, outcome: TransferRecord['outcome']): TransferRecord => ({
  reference,
  transactionId: outcome === 'applied' ? `txn_${reference}` : null,
  authId: 'MA_ONE',
  customerName: 'Asha',
  amount: '10.00000',
  currency: 'INR',
  at: '2026-11-20T10:00:00.000Z',
  outcome,
})

function open() {
  const dataDir = makeTempDir()
  const log = join(dataDir, 'main.log')
  return {
    dataDir,
    log,
    history: createTransferHistory({ dataDir, logger: createFileLogger({ file: log }) }),
  }
}

describe('transfer history', () => {
  it('keeps records newest first, one per reference, through concurrent writes', async () => {
    const { history, dataDir } = open()
    await Promise.all([
      history.record('p1', record('A', 'unknown')),
      history.record('p1', record('B', 'applied')),
    ])
    await history.record('p1', record('A', 'recovered'))
    expect((await history.list('p1')).map((r) => [r.reference, r.outcome])).toEqual([
      ['A', 'recovered'],
      ['B', 'applied'],
    ])
    expect(await history.list('p2')).toEqual([])
    // A second instance (the next start) reads what was saved.
    const again = createTransferHistory({
      dataDir,
      logger: createFileLogger({ file: join(dataDir, 'x.log') }),
    })
    expect(await again.list('p1')).toHaveLength(2)
  })

  it('discards an unreadable file with a warning instead of failing', async () => {
    const { history, dataDir, log } = open()
    await mkdir(join(dataDir, 'cache', 'p1'), { recursive: true })
    await writeFile(
      join(dataDir, 'cache', 'p1', 'transfers.json'),
      '{"format":"partner-desk/transfers"',
    )
    expect(await history.list('p1')).toEqual([])
    expect(await readFile(log, 'utf8')).toMatch(/transfers\.json unreadable/)
    await history.record('p1', record('C', 'applied'))
    expect(await history.list('p1')).toHaveLength(1)
  })

  it('a failed write is reported, and later reads and writes still work', async () => {
    const { history, dataDir } = open()
    await mkdir(join(dataDir, 'cache'), { recursive: true })
    // A file where the profile's folder should be: the write cannot happen.
    await writeFile(join(dataDir, 'cache', 'p1'), 'not a folder')
    await expect(history.record('p1', record('E', 'applied'))).rejects.toThrow()
    await rm(join(dataDir, 'cache', 'p1'))
    expect(await history.list('p1')).toEqual([])
    await history.record('p1', record('F', 'applied'))
    expect((await history.list('p1')).map((r) => r.reference)).toEqual(['F'])
  })

  it('refuses a profile id that could leave the cache folder', async () => {
    const { history } = open()
    await expect(history.record('../x', record('D', 'applied'))).rejects.toThrow(/profile id/)
  })
})
