import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../support/temp-dir'

const repo = join(import.meta.dirname, '../../..')
const electronDir = join(repo, 'node_modules/electron')

/** With a binary installed, `npm start` would launch the app: these tests need it missing. */
function binaryInstalled(): boolean {
  const pathFile = join(electronDir, 'path.txt')
  return (
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
  )
}
const installed = binaryInstalled()
if (installed) console.log('[start-command] skipped: an Electron binary is installed here')

/** Runs the real `npm start` with Electron's installer pointed at `mirror`, no download cache. */
function npmStart(env: Record<string, string>) {
  const { ELECTRON_EXEC_PATH: _a, ELECTRON_OVERRIDE_DIST_PATH: _b, ...inherited } = process.env
  const started = Date.now()
  return new Promise<{ code: number | null; output: string; ms: number }>((done, fail) => {
    const child = spawn('npm', ['start'], {
      cwd: repo,
      env: { ...inherited, electron_config_cache: makeTempDir('partner-desk-ecache-'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, output, ms: Date.now() - started })
    })
  })
}

const servers: Server[] = []
const sockets: Socket[] = []
/** A local mirror: answers 404, or accepts connections and never answers. */
async function mirror(kind: '404' | 'silent'): Promise<string> {
  const server = createServer((_request, response) => {
    if (kind === '404') response.writeHead(404).end('Not Found')
  })
  server.on('connection', (socket) => sockets.push(socket))
  servers.push(server)
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(servers.splice(0).map((s) => new Promise((closed) => s.close(closed))))
})

function expectClearMessage(output: string) {
  expect(output).toMatch(/Partner Desk cannot start: the Electron 45\.\d+\.\d+ binary is missing/)
  expect(output).toContain('could not be downloaded')
  expect(output).toContain('The first start downloads Electron once')
  expect(output).toContain('needs the internet')
  expect(output).toContain('npm run web -- --port 5180')
  // No stack trace, from the installer or from electron-vite ("Electron uninstall").
  expect(output).not.toMatch(/^\s+at\s/m)
  expect(output).not.toMatch(/node:internal|\.js:\d+:\d+|Electron uninstall/)
}

describe.skipIf(installed)('npm start without the Electron binary', () => {
  it('tries Electron’s own download, then stops at once with a short clear message', async () => {
    const result = await npmStart({ ELECTRON_MIRROR: await mirror('404') })
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('Downloading Electron')
    expectClearMessage(result.output)
    expect(result.output).toMatch(/404/)
    expect(result.ms).toBeLessThan(30_000)
    // The start stopped before electron-vite: nothing was launched or built.
    expect(result.output).not.toMatch(/electron-vite|vite v\d/)
  })

  it('gives up after the time limit when the download hangs', async () => {
    const result = await npmStart({
      ELECTRON_MIRROR: await mirror('silent'),
      PARTNER_DESK_ELECTRON_DOWNLOAD_TIMEOUT: '2',
    })
    expect(result.code).not.toBe(0)
    expectClearMessage(result.output)
    expect(result.output).toContain('no answer within 2 s')
    expect(result.ms).toBeLessThan(20_000)
  })

  it('says so when ELECTRON_EXEC_PATH names a missing binary', async () => {
    const result = await npmStart({ ELECTRON_EXEC_PATH: '/nonexistent/electron' })
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('ELECTRON_EXEC_PATH is set to /nonexistent/electron')
    expect(result.output).toContain('npm run web -- --port 5180')
    expect(result.output).not.toMatch(/^\s+at\s/m)
  })
})
