// Runs before `npm start` and `npm run dev`: makes sure the Electron binary is there.
//
// Electron 45 has no install script: it downloads its binary lazily (node_modules/electron's
// index.js or its `install-electron` bin), while electron-vite only reads
// node_modules/electron/path.txt and throws "Electron uninstall". This runs Electron's own
// installer when the binary is missing, within a time limit, and explains a failure in three
// lines instead of a stack trace.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { clearTimeout, setTimeout } from 'node:timers'

const DEFAULT_TIMEOUT_SECONDS = 300
const PREVIEW = 'npm run web -- --port 5180'

const say = (line) => process.stderr.write(`${line}\n`)

function fail(lines) {
  for (const line of lines) say(line)
  process.exit(1)
}

/** The binary electron-vite will launch, if it is there. */
function installedBinary(pkgDir) {
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** The first line of the installer's output that says why it failed (never its stack). */
function reasonFrom(output) {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at ') && !l.startsWith('Downloading'))
  if (!line) return 'no reason given'
  const reason = line.replace(/^(?:[A-Za-z]*Error|Error):\s*/, '')
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason
}

function timeoutSeconds() {
  const raw = Number(process.env['PARTNER_DESK_ELECTRON_DOWNLOAD_TIMEOUT'])
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_TIMEOUT_SECONDS
}

/** Runs node_modules/electron/install.js; resolves with its outcome, killed after the limit. */
function runInstaller(installer, seconds) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [installer], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      done({ ok: false, reason: `no answer within ${seconds} s` })
    }, seconds * 1000)
    child.on('error', (error) => {
      clearTimeout(timer)
      done({ ok: false, reason: error.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      done(code === 0 ? { ok: true } : { ok: false, reason: reasonFrom(output) })
    })
  })
}

async function main() {
  const override = process.env['ELECTRON_EXEC_PATH']
  if (override) {
    if (existsSync(override)) return
    fail([
      `Partner Desk cannot start: ELECTRON_EXEC_PATH is set to ${override}, which does not exist.`,
      `Unset it to use the Electron of node_modules, or run the browser preview: ${PREVIEW}`,
    ])
  }
  const require = createRequire(import.meta.url)
  const pkgDir = dirname(require.resolve('electron/package.json'))
  if (installedBinary(pkgDir)) return

  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  const seconds = timeoutSeconds()
  say(`Downloading Electron ${version} (first start only)…`)
  const result = await runInstaller(join(pkgDir, 'install.js'), seconds)
  if (result.ok && installedBinary(pkgDir)) {
    say(`Electron ${version} is installed.`)
    return
  }
  const where = relative(process.cwd(), join(pkgDir, 'dist')) || join(pkgDir, 'dist')
  fail([
    `Partner Desk cannot start: the Electron ${version} binary is missing (${where}) ` +
      `and could not be downloaded (${result.ok ? 'the installer wrote no binary' : result.reason}).`,
    'The first start downloads Electron once (about 100 MB) and needs the internet; ' +
      'later starts work offline.',
    `Without Electron, the browser preview shows the app: ${PREVIEW}`,
  ])
}

main().catch((error) => {
  fail([
    `Partner Desk cannot start: could not check the Electron binary (${error?.message ?? error}).`,
    `The browser preview works without it: ${PREVIEW}`,
  ])
})
