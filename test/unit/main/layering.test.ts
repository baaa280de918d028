import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')

/**
 * The service folders of electron/main/, lowest layer first. A folder imports only from itself
 * and from folders on a lower layer — never beside it or above it. A new capability gets its own
 * folder, on top unless a service needs it.
 */
const LAYERS = [
  ['platform'],
  ['vobiz'],
  ['customers', 'money'],
  ['session'],
  ['subaccounts', 'usage', 'onboarding', 'capacity'],
  // Runway from the saved customers, the ledger and the transfers made here.
  ['watch'],
  // Alerts on crossings into the watchlist, the notification centre and the tray's facts.
  ['notify'],
  // Records the actions of every service below it, read from the IPC handler table.
  ['activity'],
]
/**
 * The rest of electron/main/ sits above every service: the Electron adapters, the IPC table and
 * the composition root's wiring.
 */
const ABOVE_SERVICES = ['adapters', 'ipc', 'wiring']

const rank = new Map(LAYERS.flatMap((folders, layer) => folders.map((f) => [f, layer] as const)))

/** `./electron/main/<folder>/…` → folder; a file directly in electron/main/ → ''. */
function mainFolder(path: string): string | undefined {
  if (!path.startsWith('./electron/main/')) return undefined
  const parts = path.slice('./electron/main/'.length).split('/')
  return parts.length > 1 ? parts[0] : ''
}

const isElectron = (target: string) => target === 'electron' || target.startsWith('electron/')
const isUnder = (target: string, ...folders: string[]) =>
  folders.some((folder) => target === `./${folder}` || target.startsWith(`./${folder}/`))

const SANDBOX_LAUNCHER = './electron/main/platform/sandbox-launcher'

/** Why a service in `folder` may not import `target`; undefined when it may. */
function serviceRule(from: string, folder: string, target: string): string | undefined {
  const to = mainFolder(target)
  if (isElectron(target)) return 'services take Electron through ports'
  if (to !== undefined && !rank.has(to))
    return 'services import no adapters, IPC or composition root'
  if (to !== undefined && to !== folder && rank.get(to)! >= rank.get(folder)!)
    return `${folder}/ imports only from a lower layer`
  if (isUnder(target, 'electron/sandbox') && from !== SANDBOX_LAUNCHER)
    return 'only platform/sandbox-launcher starts the sandbox'
  if (isUnder(target, 'electron/preload', 'renderer')) return 'another process'
  return undefined
}

function rule(from: string, target: string): string | undefined {
  const folder = mainFolder(from)
  if (folder !== undefined && rank.has(folder)) return serviceRule(from, folder, target)
  if (
    isUnder(from, 'shared') &&
    (isElectron(target) || target.startsWith('node:') || isUnder(target, 'electron', 'renderer'))
  )
    return 'shared/ imports no process code'
  if (isUnder(from, 'electron/sandbox') && isUnder(target, 'electron/main', 'electron/preload'))
    return 'the sandbox knows no client code'
  return undefined
}

/**
 * What is wrong with `from` importing `targets`: files as `./` + their path from the repo root
 * without extension (so `./electron/…` is never the `electron` package), or package names.
 */
function layerViolations(from: string, targets: string[]): string[] {
  const folder = mainFolder(from)
  const unplaced =
    folder && !rank.has(folder) && !ABOVE_SERVICES.includes(folder)
      ? [`${from}: ${folder}/ is in neither LAYERS nor ABOVE_SERVICES`]
      : []
  return unplaced.concat(
    targets.flatMap((target) => {
      const why = rule(from, target)
      return why ? [`${from} → ${target}: ${why}`] : []
    }),
  )
}

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => `./${relative(ROOT, join(entry.parentPath, entry.name)).replaceAll('\\', '/')}`)
}

/** Every module a file imports (static, type-only, re-exported or dynamic), repo-relative. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
  return importedFiles.map(({ fileName }) =>
    fileName.startsWith('.')
      ? `./${relative(ROOT, resolve(ROOT, dirname(file), fileName)).replaceAll('\\', '/')}`
      : fileName,
  )
}

describe('main-process layering', () => {
  test('the rule catches an import running back up, an adapter and Electron in a service', () => {
    expect(
      layerViolations('./electron/main/customers/customers-service', [
        './electron/main/platform/logger',
        './electron/main/vobiz/vobiz-client',
        './electron/main/customers/customer-cache',
        './shared/customers',
        'node:path',
      ]),
    ).toEqual([])
    expect(
      layerViolations('./electron/main/customers/customers-service', [
        './electron/main/session/session-service',
        './electron/main/money/ledger-service',
        './electron/main/adapters/electron-ports',
        './electron/main/app-services',
        'electron',
        './electron/sandbox',
      ]),
    ).toHaveLength(6)
    expect(layerViolations('./shared/money', ['./electron/main/platform/ports'])).toHaveLength(1)
    expect(layerViolations('./electron/main/unlisted/some-service', [])).toHaveLength(1)
  })

  test('no file of electron/main/, shared/ or the sandbox breaks it', () => {
    const files = [
      ...sources('electron/main'),
      ...sources('shared'),
      ...sources('electron/sandbox'),
    ]
    expect(files).toContain('./electron/main/platform/ports.ts')
    const problems = files.flatMap((file) =>
      layerViolations(file.replace(/\.ts$/, ''), importsOf(file)),
    )
    expect(problems).toEqual([])
  })
})
