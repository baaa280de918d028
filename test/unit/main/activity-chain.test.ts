import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entryHash } from '../../../electron/main/activity/activity-chain'
import { createActivityLog } from '../../../electron/main/activity/activity-log'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { ActivityEntry } from '../../../shared/activity'
import { makeTempDir } from '../../support/temp-dir'

const PROFILE = 'a1b2c3d4e5f60718'

function logIn(dir: string, store = new Map<string, unknown>(), rotateBytes?: number) {
  let now = Date.parse('2026-05-06T07:00:00Z')
  const log = createActivityLog({
    dataDir: dir,
    store,
    clock: { now: () => (now += 1000) },
    logger: createFileLogger({ file: join(dir, 'logs', 'main.log') }),
    ...(rotateBytes ? { rotateBytes } : {}),
  })
  return { log, store }
}

async function written(count: number) {
  const dir = makeTempDir()
  const { log, store } = logIn(dir)
  for (let i = 1; i <= count; i++) {
    await log.append(PROFILE, {
      action: 'top-up',
      target: `MA_CUSTOMER${i}`,
      detail: '10.00000',
      outcome: 'ok',
      reference: `PD-${i}`,
    })
  }
  const file = log.path(PROFILE)
  const lines = () => readFileSync(file, 'utf8').trimEnd().split('\n')
  const rewrite = (next: string[]) => writeFileSync(file, next.join('\n') + '\n')
  /** The same store (the head) with the file as it is now. */
  const reopened = () => logIn(dir, store).log.read(PROFILE)
  return { dir, log, file, lines, rewrite, reopened }
}

describe('activity log hash chain', () => {
  it('an untouched log is intact, numbered 1…n, each entry chained to the one before', async () => {
    const { reopened, lines } = await written(5)
    const { entries, chain } = await reopened()
    expect(chain).toEqual({ intact: true, checked: 5 })
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(entries[0]!.prev).toBe('0'.repeat(64))
    expect(entries[3]!.prev).toBe(entries[2]!.hash)
    expect(lines()).toHaveLength(5)
  })

  it('finds a changed entry, also when its own hash was computed again', async () => {
    const { lines, rewrite, reopened } = await written(5)
    const original = lines()
    rewrite(original.map((line, i) => (i === 2 ? line.replace('10.00000', '99.00000') : line)))
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 3, problem: 'changed' })

    const third = JSON.parse(original[2]!) as ActivityEntry
    const forged = { ...third, detail: '99.00000' }
    forged.hash = entryHash(forged)
    rewrite(original.map((line, i) => (i === 2 ? JSON.stringify(forged) : line)))
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 3, problem: 'changed' })

    rewrite(original.map((line, i) => (i === 1 ? '{not json' : line)))
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 2, problem: 'changed' })
  })

  it('finds a removed entry: in the middle, the first, the last, or the whole file', async () => {
    const { lines, rewrite, reopened, file } = await written(5)
    const original = lines()
    rewrite(original.filter((_, i) => i !== 2))
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 3, problem: 'removed' })
    rewrite(original.slice(1))
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 1, problem: 'removed' })
    rewrite(original.slice(0, 4))
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 5, problem: 'removed' })
    rmSync(file)
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 1, problem: 'removed' })
  })

  it('finds reordered entries', async () => {
    const { lines, rewrite, reopened } = await written(5)
    const [a, b, c, d, e] = lines()
    rewrite([a!, c!, b!, d!, e!])
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 2, problem: 'reordered' })
    rewrite([a!, b!, c!, e!, d!])
    expect((await reopened()).chain).toMatchObject({ intact: false, at: 4, problem: 'reordered' })
  })

  it('goes on from the last entry after a restart', async () => {
    const { dir, reopened } = await written(3)
    const again = logIn(dir, new Map()).log
    await again.append(PROFILE, {
      action: 'sign-out',
      target: null,
      detail: null,
      outcome: 'ok',
      reference: null,
    })
    const { entries } = await again.read(PROFILE)
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4])
    expect(entries[3]!.prev).toBe(entries[2]!.hash)
    // The first store's head still says 3: the file being longer is fine.
    expect((await reopened()).chain).toEqual({ intact: true, checked: 4 })
  })

  it('rotates past its size, keeps one previous file, and still finds a removed first entry', async () => {
    const dir = makeTempDir()
    const { log, store } = logIn(dir, new Map(), 1_000)
    for (let i = 1; i <= 30; i++) {
      await log.append(PROFILE, {
        action: 'credential-copy',
        target: `MA_${i}`,
        detail: 'customer Auth Token',
        outcome: 'ok',
        reference: null,
      })
    }
    const { entries, chain } = await log.read(PROFILE)
    expect(chain.intact).toBe(true)
    expect(entries.at(-1)!.seq).toBe(30)
    expect(entries[0]!.seq).toBeGreaterThan(1)
    expect(entries.length).toBeLessThan(30)
    const previous = join(log.path(PROFILE), '..', 'activity.1.jsonl')
    const kept = readFileSync(previous, 'utf8').split('\n')
    writeFileSync(previous, kept.slice(1).join('\n'))
    const reread = await logIn(dir, store).log.read(PROFILE)
    expect(reread.chain).toMatchObject({ intact: false, at: entries[0]!.seq, problem: 'removed' })
  })
})
