import { createHash } from 'node:crypto'
import { activityEntrySchema, type ActivityEntry, type ChainStatus } from '../../../shared/activity'

/** The `prev` of the very first entry. */
export const GENESIS = '0'.repeat(64)

export type ActivityFields = Omit<ActivityEntry, 'seq' | 'prev' | 'hash'>

/** SHA-256 over the entry's fields in a fixed order, its number and the previous entry's hash. */
export function entryHash(entry: Omit<ActivityEntry, 'hash'>): string {
  const { seq, time, profile, action, target, detail, outcome, reference, prev } = entry
  const fields = [seq, time, profile, action, target, detail, outcome, reference, prev]
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

/** The entry that follows `last` (null: the first of the log). */
export function chained(
  fields: ActivityFields,
  last: Pick<ActivityEntry, 'seq' | 'hash'> | null,
): ActivityEntry {
  const unsigned = { ...fields, seq: (last?.seq ?? 0) + 1, prev: last?.hash ?? GENESIS }
  return { ...unsigned, hash: entryHash(unsigned) }
}

/** What the log's keeper remembers beside the file: where it starts (rotation) and ends. */
export type ChainHead = { firstSeq: number; seq: number; hash: string }

export type ParsedLine = { entry: ActivityEntry } | { entry: null }

export function parseLine(line: string): ParsedLine {
  try {
    return { entry: activityEntrySchema.parse(JSON.parse(line)) }
  } catch {
    return { entry: null }
  }
}

/**
 * Checks the lines of a log, oldest first. Each entry's hash must match its fields, its number
 * must follow the previous one's, and its `prev` must be the previous hash. `head` (when known)
 * says where the kept log starts and the last entry written, so entries removed at either end are
 * found too. The first problem is reported with the number of the entry expected there.
 */
export function verifyChain(lines: readonly ParsedLine[], head: ChainHead | null): ChainStatus {
  const broken = (at: number, problem: 'changed' | 'removed' | 'reordered'): ChainStatus => ({
    intact: false,
    checked: lines.length,
    at,
    problem,
  })
  const seqs = new Set(lines.map(({ entry }) => entry?.seq))
  const first = head?.firstSeq ?? 1
  let expected = first
  // Past a rotation the first kept entry's predecessor is gone: its prev is taken as it is.
  let prev: string | null = first === 1 ? GENESIS : null
  for (const { entry } of lines) {
    if (!entry || entryHash(entry) !== entry.hash) return broken(expected, 'changed')
    if (entry.seq !== expected) {
      // The expected entry further down: moved; nowhere: removed.
      return broken(expected, entry.seq > expected && !seqs.has(expected) ? 'removed' : 'reordered')
    }
    // A rewritten entry with a fresh hash of its own no longer links to the one after it.
    if (prev !== null && entry.prev !== prev)
      return broken(Math.max(expected - 1, first), 'changed')
    prev = entry.hash
    expected += 1
  }
  if (head && head.seq >= expected) return broken(expected, 'removed')
  const last = head ? lines[head.seq - first]?.entry : null
  if (head && last && last.hash !== head.hash) return broken(head.seq, 'changed')
  return { intact: true, checked: lines.length }
}
