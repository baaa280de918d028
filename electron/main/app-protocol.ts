import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * The built renderer is served from the app's own privileged scheme, never from file://: a
 * file:// page has the origin "null", which no sender check can tell apart from any other local
 * file. This module has no electron import, so it is unit-tested in Node; the adapter in
 * adapters/app-protocol.ts registers it.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'partner-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The privileges the scheme is registered with before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/**
 * The origin a renderer URL stands for, as `scheme://host[:port]`, or null for file:// and every
 * other URL without a host. (Node's `URL.origin` is "null" for custom schemes such as app://, so
 * it cannot be compared.)
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol === 'file:' || !parsed.host) return null
  return `${parsed.protocol}//${parsed.host}`
}

/** The renderer's URL: the dev server's in development, else the app scheme's entry page. */
export function rendererUrlFor(devServerUrl: string | undefined): string {
  return devServerUrl ? devServerUrl : APP_ENTRY_URL
}

/** The Content-Security-Policy of an HTML page's `<meta http-equiv>`, or null if it has none. */
export function cspFromHtml(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gis)) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag)
    const value = (content?.[1] ?? content?.[2] ?? '').trim()
    if (value) return value
  }
  return null
}

export type AppPathResolution =
  { ok: true; relativePath: string } | { ok: false; status: 400 | 404; reason: string }

const refuse = (status: 400 | 404, reason: string): AppPathResolution => ({
  ok: false,
  status,
  reason,
})

/**
 * Maps an app:// URL to a path relative to the renderer folder. Each path segment is decoded
 * on its own, and a segment that decodes to `.`, `..`, a slash, a backslash, a drive letter or a
 * NUL byte is refused: encoded traversal (`%2e%2e`, `%2f`, `%5c`) never reaches the disk.
 */
export function resolveAppPath(url: string): AppPathResolution {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse(400, 'not a URL')
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return refuse(404, 'not this app')
  }
  if (parsed.username || parsed.password || parsed.port) return refuse(404, 'not this app')
  const raw = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname
  if (!raw.startsWith('/') || raw.includes('\\')) return refuse(400, 'bad path')
  const segments: string[] = []
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(encoded)
    } catch {
      return refuse(400, 'bad encoding')
    }
    if (segment === '' || segment === '.' || segment === '..') return refuse(400, 'bad path')
    if (/[/\\\0:]/.test(segment)) return refuse(400, 'bad path')
    segments.push(segment)
  }
  return { ok: true, relativePath: segments.join('/') }
}

export type AppProtocolOptions = {
  /** The built renderer folder (out/renderer). */
  root: string
  /** Sent as the Content-Security-Policy header of every response. */
  csp: string
}

const textResponse = (status: number, body: string, csp: string): Response =>
  new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  })

/** Answers one app:// request with a file of the renderer folder, or 400/404/405. */
export async function serveAppRequest(
  request: Request,
  options: AppProtocolOptions,
): Promise<Response> {
  const { csp } = options
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed', csp)
  }
  const resolution = resolveAppPath(request.url)
  if (!resolution.ok) return textResponse(resolution.status, resolution.reason, csp)
  const mime = MIME_TYPES[extname(resolution.relativePath).toLowerCase()]
  if (!mime) return textResponse(404, 'Not found', csp)
  const file = await fileInside(options.root, resolution.relativePath)
  if (!file) return textResponse(404, 'Not found', csp)
  const body = request.method === 'HEAD' ? null : await readFile(file)
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': mime,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  })
}

/** The real path of a regular file inside `root` (symlinks resolved), or null. */
async function fileInside(root: string, relativePath: string): Promise<string | null> {
  try {
    const realRoot = await realpath(root)
    const real = await realpath(join(realRoot, relativePath))
    const rel = relative(realRoot, real)
    if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      return null
    }
    if (!(await stat(real)).isFile()) return null
    return resolve(real)
  } catch {
    return null
  }
}

/** A protocol handler for the renderer folder, with the CSP of its index.html as the header. */
export async function createAppRequestHandler(
  root: string,
): Promise<(request: Request) => Promise<Response>> {
  const csp = cspFromHtml(await readFile(join(root, 'index.html'), 'utf8'))
  if (!csp) throw new Error(`${join(root, 'index.html')} has no Content-Security-Policy meta tag`)
  return (request) => serveAppRequest(request, { root, csp })
}
