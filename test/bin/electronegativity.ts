import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { extname, join, relative, resolve } from 'node:path'
import {
  describeFinding,
  gate,
  GarbledReport,
  parseAllowList,
  parseReport,
  type Finding,
} from './electronegativity-gate'

/*
 * `npm run lint` runs this: electronegativity over the app's sources, failing on any finding not
 * in build/electronegativity-allow.json (the scanner always exits 0, so its CSV is the gate).
 *
 * What is scanned: a copy of electron/ (main, preload, sandbox; TypeScript, which its parser
 * reads) and renderer/index.html (the CSP), together in one folder so the global checks (CSP,
 * navigation limits, permission handler) see the whole app. Not out/: in the bundle the scanner
 * cannot follow the navigation guard and permission handler and reports them missing, and it
 * misses the per-file checks. `-e 45.4.1` keeps it offline (it still tries the network once for
 * the release list and gives up). It skips a file its parser cannot read without saying so, so
 * every file is parsed here first with its own parser, and one it cannot read fails the gate.
 */
const ROOT = resolve(import.meta.dirname, '../..')
const ELECTRON_VERSION = '45.4.1'
const ALLOW_LIST = join(ROOT, 'build', 'electronegativity-allow.json')
const SCANNED = /\.(js|jsx|ts|tsx|html|htm|json)$/

const require = createRequire(import.meta.url)
const { Parser } = require('@doyensec/electronegativity/dist/parser/parser.js') as {
  Parser: new (
    babelFirst: boolean,
    typescriptBabelFirst: boolean,
  ) => {
    parse(file: string, content: string): unknown
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SCANNED.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Runs the scanner on `stage`; a report its writer jumbled is made again (three tries). */
function scan(stage: string, work: string, attempt = 1): Finding[] {
  const report = join(work, `report-${attempt}.csv`)
  execFileSync(
    process.execPath,
    [
      require.resolve('@doyensec/electronegativity/dist/index.js'),
      ...['-i', stage, '-e', ELECTRON_VERSION, '-r', '-o', report],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 },
  )
  try {
    return parseReport(readFileSync(report, 'utf8'))
  } catch (error) {
    if (!(error instanceof GarbledReport) || attempt >= 3) throw error
    return scan(stage, work, attempt + 1)
  }
}

function main(): number {
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  try {
    const stage = join(work, 'app')
    cpSync(join(ROOT, 'electron'), join(stage, 'electron'), { recursive: true })
    mkdirSync(join(stage, 'renderer'))
    cpSync(join(ROOT, 'renderer', 'index.html'), join(stage, 'renderer', 'index.html'))

    const parser = new Parser(false, true) // as electronegativity's runner makes it
    const unreadable: string[] = []
    for (const file of files(stage)) {
      try {
        parser.parse(file, readFileSync(file, 'utf8'))
      } catch (error) {
        unreadable.push(`${relative(stage, file)} (${extname(file)}): ${(error as Error).message}`)
      }
    }

    const findings = scan(stage, work)
    const allow = parseAllowList(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')))
    const result = gate(findings, allow)

    console.log(
      `electronegativity ${ELECTRON_VERSION}: ${files(stage).length} files, ${findings.length} findings, ${result.allowed.length} allowed (build/electronegativity-allow.json)`,
    )
    for (const { finding, entry } of result.allowed) {
      console.log(`  allowed: ${finding.check} ${finding.file}:${finding.location} — ${entry.why}`)
    }
    for (const entry of result.unused) {
      console.log(`  note: allow-list entry matched nothing: ${entry.check} ${entry.file}`)
    }
    if (unreadable.length > 0) {
      console.error(
        `electronegativity cannot parse (so would not scan):\n  ${unreadable.join('\n  ')}`,
      )
    }
    if (result.unallowed.length > 0) {
      console.error(
        `\n${result.unallowed.length} electronegativity finding(s) not in the allow-list:\n\n  ${result.unallowed.map(describeFinding).join('\n  ')}\n\nFix them, or add a reviewed entry (check, file, why) to build/electronegativity-allow.json.`,
      )
    }
    return unreadable.length > 0 || result.unallowed.length > 0 ? 1 : 0
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

process.exitCode = main()
