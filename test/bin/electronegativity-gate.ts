/**
 * The allow-list gate over an electronegativity CSV report (the scanner itself always exits 0).
 * Pure functions, unit-tested in test/unit/main/electronegativity-gate.test.ts.
 */

export type Finding = {
  check: string
  severity: string
  confidence: string
  /** Relative to the scanned folder (`-r`), or "N/A" for a global check. */
  file: string
  location: string
  sample: string
  description: string
}

export type AllowEntry = {
  check: string
  file: string
  /** When set, the finding's sample line must contain it (pins the entry to one statement). */
  sample?: string
  /** Why this finding is safe here: reviewed text, required. */
  why: string
}

export type GateResult = {
  /** Findings no entry allows: the gate fails on any. */
  unallowed: Finding[]
  allowed: { finding: Finding; entry: AllowEntry }[]
  /** Entries that matched nothing (stale): reported, not fatal. */
  unused: AllowEntry[]
}

/** One CSV line as electronegativity writes it: fields in "…" with "" for a quote, or bare. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i++
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"'
          i += 2
        } else if (line[i] === '"') {
          i++
          break
        } else {
          value += line[i++]
        }
      }
      fields.push(value)
      i++ // the comma
    } else {
      const end = line.indexOf(',', i)
      fields.push(end === -1 ? line.slice(i) : line.slice(i, end))
      i = end === -1 ? line.length + 1 : end + 1
    }
  }
  return fields
}

/** Thrown for a report whose rows electronegativity's own writer jumbled (see parseReport). */
export class GarbledReport extends Error {}

const CHECK_ID = /^[A-Z0-9_]+_CHECK$/
const LEVEL = /^[A-Z]+$/

/**
 * The findings of a CSV report; throws on a report that is not one (no header). Electronegativity
 * 1.10 writes the header and the rows with two concurrent writeFile calls ('w' then 'a'); when the
 * rows land first the header overwrites the start of the first row. Such a report is refused with
 * GarbledReport (every row must start with a check id and its two levels), and scanned again.
 */
export function parseReport(csv: string): Finding[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '')
  if (!lines[0]?.startsWith('issue, severity, confidence, filename')) {
    throw new Error('not an electronegativity CSV report (its header line is missing)')
  }
  const findings = lines.slice(1).map((line) => {
    const [
      check = '',
      severity = '',
      confidence = '',
      file = '',
      location = '',
      sample = '',
      description = '',
    ] = parseCsvLine(line)
    return { check, severity, confidence, file, location, sample, description }
  })
  const bad = findings.find(
    (f) => !CHECK_ID.test(f.check) || !LEVEL.test(f.severity) || !LEVEL.test(f.confidence),
  )
  if (bad) throw new GarbledReport(`a report row is jumbled: ${JSON.stringify(bad).slice(0, 200)}`)
  return findings
}

/** Checks the allow-list file's content; throws naming every bad entry (e.g. one without a why). */
export function parseAllowList(json: unknown): AllowEntry[] {
  const list = (json as { allow?: unknown } | null)?.allow
  if (!Array.isArray(list)) throw new Error('the allow-list needs an "allow" array')
  const problems: string[] = []
  const entries = list.map((raw: unknown, index): AllowEntry => {
    const entry = (raw ?? {}) as Record<string, unknown>
    const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : '')
    const where = `entry ${index} (${text('check') || '?'} in ${text('file') || '?'})`
    if (!/^[A-Z0-9_]+$/.test(text('check'))) problems.push(`${where}: "check" must be a check id`)
    if (!text('file')) problems.push(`${where}: "file" is required ("N/A" for a global check)`)
    if (text('why').trim().length < 20) {
      problems.push(`${where}: "why" must say why this finding is safe (20 characters at least)`)
    }
    if ('sample' in entry && !text('sample')) problems.push(`${where}: "sample" must be text`)
    const known = new Set(['check', 'file', 'sample', 'why'])
    for (const key of Object.keys(entry)) {
      if (!known.has(key)) problems.push(`${where}: unknown key "${key}"`)
    }
    return {
      check: text('check'),
      file: text('file'),
      why: text('why'),
      ...(text('sample') ? { sample: text('sample') } : {}),
    }
  })
  if (problems.length > 0) throw new Error(`bad allow-list:\n  ${problems.join('\n  ')}`)
  return entries
}

const matches = (entry: AllowEntry, finding: Finding): boolean =>
  entry.check === finding.check &&
  entry.file === finding.file &&
  (entry.sample === undefined || finding.sample.includes(entry.sample))

export function gate(findings: readonly Finding[], allow: readonly AllowEntry[]): GateResult {
  const used = new Set<AllowEntry>()
  const result: GateResult = { unallowed: [], allowed: [], unused: [] }
  for (const finding of findings) {
    const entry = allow.find((candidate) => matches(candidate, finding))
    if (entry) {
      used.add(entry)
      result.allowed.push({ finding, entry })
    } else {
      result.unallowed.push(finding)
    }
  }
  result.unused = allow.filter((entry) => !used.has(entry))
  return result
}

export const describeFinding = (f: Finding): string =>
  `${f.check} [${f.severity}/${f.confidence}] ${f.file}:${f.location}\n    ${f.sample}\n    ${f.description}`
