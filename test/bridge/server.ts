import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { createAppServices } from '../../electron/main/app-services'
import { createFileLogger } from '../../electron/main/platform/logger'
import {
  systemClock,
  systemScheduler,
  type SafeStorageStatus,
} from '../../electron/main/platform/ports'
import { createSandboxLauncher } from '../../electron/main/platform/sandbox-launcher'
import { createAesGcmSafeStorage } from '../support/aes-gcm-safe-storage'
import { createConfStore } from '../support/conf-store'
import { KNOWN_SECRETS_ENV } from '../e2e/support/run-dirs'
import { recordSecrets, sandboxSecrets } from '../e2e/support/secrets-scan'
import { createChromiumPdf } from '../support/chromium-pdf'
import {
  createChosenFolders,
  createExportFolder,
  createExportTargets,
} from '../support/export-folder'
import { createMemoryClipboard } from '../support/memory-clipboard'

export type WebBridgeOptions = {
  port?: number
  dataDir: string
  rendererDir?: string
  encryption?: SafeStorageStatus
  sandboxCustomers?: number
  sandboxPort?: number
  /** How long main's start-up sync waits for the page to show the cached rows at most. */
  startupSyncWaitMs?: number
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}
const PRELOAD = readFileSync(new URL('./preload-stand-in.js', import.meta.url), 'utf8')
const MAX_BODY = 256 * 1024

/**
 * Serves the built renderer with a preload stand-in and mounts the real main-process handler
 * table over loopback HTTP, for the browser preview and the end-to-end tests.
 */
export async function startWebBridge(options: WebBridgeOptions) {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run "npx electron-vite build" first.`)
  }
  const logger = createFileLogger({ file: join(options.dataDir, 'logs', 'main.log') })
  const clipboard = createMemoryClipboard()
  const sandbox = createSandboxLauncher({
    customers: options.sandboxCustomers ?? 500,
    // The end-to-end tests set faults on this sandbox over HTTP (test/e2e/support/customers.ts).
    controlEndpoints: true,
    ...(options.sandboxPort ? { port: options.sandboxPort } : {}),
  })
  const streams = new Set<ServerResponse>()
  // Statements as PDF through Chromium, as the app's printToPDF would print them.
  const pdf = createChromiumPdf()
  let sandboxUrl: string | null = null
  let sandboxCredentials: { authId: string; authToken: string } | null = null
  // Set by the end-to-end tests: where to record the sandbox's tokens for the secrets scan.
  const knownSecretsDir = process.env[KNOWN_SECRETS_ENV]

  const services = createAppServices({
    store: createConfStore(options.dataDir),
    safeStorage: createAesGcmSafeStorage({
      keyFile: join(options.dataDir, 'stand-in-keyring', 'key'),
      status: options.encryption ?? 'available',
    }),
    clipboard,
    fetch: globalThis.fetch,
    sandbox: {
      ensure: async (token) => {
        const running = await sandbox.ensure(token)
        sandboxUrl = running.baseUrl
        sandboxCredentials = { authId: running.authId, authToken: running.authToken }
        return running
      },
      close: () => sandbox.close(),
    },
    openExternal: async (url) => logger.info('would open an external link', { url }),
    logger,
    clock: systemClock,
    scheduler: systemScheduler,
    dataDir: options.dataDir,
    ...(options.startupSyncWaitMs
      ? { customers: { startupSyncWaitMs: options.startupSyncWaitMs } }
      : {}),
    // No dialog in a browser preview: exports land in <dataDir>/exports/.
    saveFile: createExportFolder(options.dataDir),
    chooseFolder: createChosenFolders(options.dataDir),
    saveTarget: createExportTargets(options.dataDir),
    pdf,
    emit: (event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const stream of streams) stream.write(frame)
    },
  })

  const indexHtml = () =>
    readFileSync(join(rendererDir, 'index.html'), 'utf8')
      .replace("connect-src 'none'", "connect-src 'self'")
      .replace('<script', '<script src="/__bridge/preload.js"></script>\n    <script')

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('bridge request failed', { error })
      if (!res.headersSent) send(res, 500, 'text/plain', 'Bridge error')
    })
  })
  let origin = ''

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname.startsWith('/__bridge/ipc/') && req.method === 'POST') {
      // The bridge's sender check: our page, same origin, with the header a form cannot send.
      if (
        req.headers['x-partner-desk-bridge'] !== '1' ||
        (req.headers.origin ?? origin) !== origin
      ) {
        return send(res, 403, 'application/json', JSON.stringify({ ok: false }))
      }
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/ipc/'.length))
      const result = await services.invoke(channel, await readJson(req))
      return send(res, 200, 'application/json', JSON.stringify(result))
    }
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (url.pathname === '/__bridge/preload.js') return send(res, 200, TYPES['.js']!, PRELOAD)
    // The clipboard port, inspectable by tests: its text and the raw OS formats written with it;
    // a POST stands for the user copying something else.
    if (url.pathname === '/__bridge/clipboard') {
      if (req.method === 'POST') {
        const body = (await readJson(req)) as { text?: unknown } | undefined
        await clipboard.writeText(typeof body?.text === 'string' ? body.text : '')
      }
      const formats = Object.keys(clipboard.formats())
      return send(
        res,
        200,
        'application/json',
        JSON.stringify({ text: clipboard.current(), formats }),
      )
    }
    if (url.pathname === '/__bridge/sandbox') {
      return send(res, 200, 'application/json', JSON.stringify({ baseUrl: sandboxUrl }))
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(res, 200, TYPES['.html']!, indexHtml())
    }
    const file = normalize(join(rendererDir, url.pathname))
    if (file.startsWith(rendererDir) && existsSync(file)) {
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file))
    }
    send(res, 404, 'text/plain', 'Not found')
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  origin = `http://127.0.0.1:${port}`
  services.start()

  return {
    url: `${origin}/`,
    /** Starts the sandbox now (as Try the sandbox would) and tells where and how to sign in. */
    ensureSandbox: () => sandbox.ensure(),
    async close() {
      services.stop()
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      if (knownSecretsDir && sandboxUrl && sandboxCredentials) {
        await recordSandboxSecrets(knownSecretsDir, sandboxUrl, sandboxCredentials)
      }
      await sandbox.close()
      await pdf.close()
    },
  }
}

/** For the secrets scan of the end-to-end tests: every token the bridge's sandbox issued. */
async function recordSandboxSecrets(
  dir: string,
  baseUrl: string,
  credentials: { authId: string; authToken: string },
): Promise<void> {
  // A test may have left faults on (Vobiz "down"): cleared first, through the control endpoint.
  await fetch(`${baseUrl}/__sandbox/faults`, {
    method: 'DELETE',
    headers: { 'X-Sandbox-Control': '1' },
  }).catch(() => undefined)
  const secrets = await sandboxSecrets(baseUrl, credentials).catch((error: unknown) => {
    console.error(`could not read the sandbox's customer tokens: ${String(error)}`)
    return [{ label: 'partner token', value: credentials.authToken }]
  })
  recordSecrets(dir, 'bridge-sandbox', secrets)
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(body)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return undefined
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return undefined
  }
}
