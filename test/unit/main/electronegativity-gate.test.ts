import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  gate,
  GarbledReport,
  parseAllowList,
  parseCsvLine,
  parseReport,
} from '../../../test/bin/electronegativity-gate'

const ROOT = resolve(import.meta.dirname, '../../..')

// Lines as electronegativity 1.10 writes them (escapeCsv: "…" with "" for a quote; N/A bare).
const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/window.ts","27:40","if (ok(url)) void shell.openExternal(url, { a: ""x,y"" })","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  '',
].join('\n')

const WHY = 'Only allow-listed https Vobiz links reach it (tested in handlers).'

describe('electronegativity report parsing', () => {
  it('reads quoted fields with commas and doubled quotes, and bare N/A', () => {
    const findings = parseReport(REPORT)
    expect(findings).toHaveLength(2)
    expect(findings[0]).toMatchObject({ check: 'CSP_GLOBAL_CHECK', file: 'N/A', sample: 'N/A' })
    expect(findings[1]).toMatchObject({
      check: 'OPEN_EXTERNAL_JS_CHECK',
      severity: 'MEDIUM',
      file: 'electron/main/window.ts',
      location: '27:40',
      sample: 'if (ok(url)) void shell.openExternal(url, { a: "x,y" })',
    })
    expect(parseCsvLine('a,"b,c",,"d""e"')).toEqual(['a', 'b,c', '', 'd"e'])
  })

  it('refuses something that is not a report (an empty or failed run must not pass)', () => {
    expect(() => parseReport('')).toThrow(/not an electronegativity CSV report/)
    expect(() => parseReport('<html>error</html>')).toThrow()
    // The scanner's header write landing on its first row (its two writes race): refused.
    const rows = REPORT.split('\n')
    const header = rows[0]!
    const jumbled = [header, header + rows[1]!.slice(header.length), ...rows.slice(2)].join('\n')
    expect(() => parseReport(jumbled)).toThrow(GarbledReport)
  })
})

describe('the allow-list gate', () => {
  const findings = parseReport(REPORT)
  const openExternal = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/window.ts' }

  it('a finding no entry allows fails the gate', () => {
    const allow = parseAllowList({ allow: [{ ...openExternal, why: WHY }] })
    const result = gate(findings, allow)
    expect(result.unallowed.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK'])
    expect(result.allowed).toHaveLength(1)
  })

  it('every finding allowed with a reason passes', () => {
    const allow = parseAllowList({
      allow: [
        { ...openExternal, sample: 'shell.openExternal(url', why: WHY },
        { check: 'CSP_GLOBAL_CHECK', file: 'N/A', why: 'A test entry with a long enough reason.' },
      ],
    })
    const result = gate(findings, allow)
    expect(result.unallowed).toEqual([])
    expect(result.allowed.map((a) => a.entry.why)).toContain(WHY)
  })

  it('an entry matches only its check, its file and (when given) its sample', () => {
    const otherFile = { check: openExternal.check, file: 'electron/main/index.ts', why: WHY }
    const otherCheck = { check: 'PRELOAD_JS_CHECK', file: openExternal.file, why: WHY }
    const otherSample = { ...openExternal, sample: 'openExternal(somethingElse)', why: WHY }
    const result = gate(findings, parseAllowList({ allow: [otherFile, otherCheck, otherSample] }))
    expect(result.unallowed).toHaveLength(2)
    expect(result.unused).toHaveLength(3)
  })

  it('rejects an entry without a reason, or with an empty or token one', () => {
    expect(() => parseAllowList({ allow: [{ ...openExternal }] })).toThrow(/"why"/)
    expect(() => parseAllowList({ allow: [{ ...openExternal, why: '' }] })).toThrow(/"why"/)
    expect(() => parseAllowList({ allow: [{ ...openExternal, why: 'ok' }] })).toThrow(/"why"/)
    expect(() => parseAllowList({ allow: [{ file: 'x', why: WHY }] })).toThrow(/check id/)
    expect(() => parseAllowList({ allow: [{ ...openExternal, why: WHY, note: 1 }] })).toThrow(
      /unknown key/,
    )
    expect(() => parseAllowList({})).toThrow(/"allow" array/)
  })

  it('the project allow-list itself is valid: every entry has a check, a file and a why', () => {
    const json: unknown = JSON.parse(
      readFileSync(resolve(ROOT, 'build/electronegativity-allow.json'), 'utf8'),
    )
    const entries = parseAllowList(json)
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) expect(entry.why.length).toBeGreaterThan(40)
  })
})
