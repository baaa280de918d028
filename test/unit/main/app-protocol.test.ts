import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  createAppRequestHandler,
  cspFromHtml,
  originOf,
  rendererUrlFor,
  resolveAppPath,
} from '../../../electron/main/app-protocol'
import { makeTempDir } from '../../support/temp-dir'

const CSP = "default-src 'none'; script-src 'self'; connect-src 'none'"
const INDEX = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="${CSP}" />
<title>t</title></head><body><script type="module" src="./assets/app.js"></script></body></html>`

let root = ''
let handle: (request: Request) => Promise<Response>
const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

beforeAll(async () => {
  const base = makeTempDir('partner-desk-app-protocol-')
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets', 'deep'), { recursive: true })
  writeFileSync(join(root, 'index.html'), INDEX)
  const files: Record<string, string> = {
    'assets/app.js': 'console.log(1)',
    'assets/app.js.map': '{}',
    'assets/style.css': 'body{}',
    'assets/logo.svg': '<svg/>',
    'assets/icon.png': 'png',
    'assets/font.woff2': 'woff2',
    'assets/data.json': '{"a":1}',
    'favicon.ico': 'ico',
    'assets/deep/x.js': 'deep',
    'assets/readme.unknownext': 'x',
  }
  for (const [name, body] of Object.entries(files)) writeFileSync(join(root, name), body)
  // Outside the renderer folder: must never be served.
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET')
  writeFileSync(join(base, 'secret.js'), 'TOP SECRET')
  symlinkSync(join(base, 'secret.js'), join(root, 'assets', 'link.js'))
  handle = await createAppRequestHandler(root)
})

describe('the app:// protocol handler', () => {
  it('serves index.html at / and /index.html with the page CSP as a header', async () => {
    for (const url of ['app://partner-desk/', 'app://partner-desk/index.html', APP_ENTRY_URL]) {
      const response = await get(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(CSP)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await response.text()).toBe(INDEX)
    }
  })

  it('gives each file type its MIME type', async () => {
    const expected: Record<string, string> = {
      'assets/app.js': 'text/javascript; charset=utf-8',
      'assets/app.js.map': 'application/json; charset=utf-8',
      'assets/style.css': 'text/css; charset=utf-8',
      'assets/logo.svg': 'image/svg+xml',
      'assets/icon.png': 'image/png',
      'assets/font.woff2': 'font/woff2',
      'assets/data.json': 'application/json; charset=utf-8',
      'favicon.ico': 'image/x-icon',
      'assets/deep/x.js': 'text/javascript; charset=utf-8',
    }
    for (const [path, mime] of Object.entries(expected)) {
      const response = await get(`app://partner-desk/${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type'), path).toBe(mime)
      expect(response.headers.get('content-security-policy'), path).toBe(CSP)
      expect(await response.text()).toBe(readFileSync(join(root, path), 'utf8'))
    }
  })

  it('answers 404 for unknown files, folders and unknown file types', async () => {
    for (const path of [
      'missing.js',
      'assets',
      'assets/deep/missing.css',
      'assets/readme.unknownext',
    ]) {
      const response = await get(`app://partner-desk/${path}`)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-security-policy')).toBe(CSP)
    }
  })

  it('refuses every path traversal variant and never serves a file outside the folder', async () => {
    const attempts = [
      'app://partner-desk/../secret.txt',
      'app://partner-desk/assets/../../secret.js',
      'app://partner-desk/%2e%2e/secret.js',
      'app://partner-desk/%2E%2E/secret.js',
      'app://partner-desk/.%2e/secret.js',
      'app://partner-desk/%2e%2e%2fsecret.js',
      'app://partner-desk/assets%2f..%2f..%2fsecret.js',
      'app://partner-desk/assets/%2e%2e%2f%2e%2e%2fsecret.js',
      'app://partner-desk/..%5csecret.js',
      'app://partner-desk/assets\\..\\..\\secret.js',
      'app://partner-desk//etc/passwd',
      'app://partner-desk/%2fetc%2fpasswd',
      `app://partner-desk/${encodeURIComponent(join(root, '..', 'secret.js'))}`,
      'app://partner-desk/C:%5cWindows%5cwin.ini',
      'app://partner-desk/index.html%00.js',
      'app://partner-desk/assets/app.js%00',
      'app://partner-desk/%E0%A4%A',
      'app://partner-desk/assets/link.js',
    ]
    for (const url of attempts) {
      const response = await get(url)
      expect([400, 404], url).toContain(response.status)
      expect(await response.text(), url).not.toContain('TOP SECRET')
    }
    expect(resolveAppPath('app://partner-desk/%2e%2e%2fsecret.js')).toMatchObject({ ok: false })
    expect(resolveAppPath('app://partner-desk/a%00b.js')).toMatchObject({ ok: false, status: 400 })
    expect(resolveAppPath('app://partner-desk/assets/app.js')).toEqual({
      ok: true,
      relativePath: 'assets/app.js',
    })
  })

  it('serves only its own host and scheme, and only GET and HEAD', async () => {
    for (const url of [
      'app://other/index.html',
      'app://partner-desk.evil/index.html',
      'app://partner-desk:8080/index.html',
      'file:///index.html',
      'http://partner-desk/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404)
    }
    expect(resolveAppPath('app://user@partner-desk/index.html')).toMatchObject({ status: 404 })
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405)
    const head = await get(APP_ENTRY_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('refuses to start on a page without a CSP', async () => {
    const bare = makeTempDir('partner-desk-app-protocol-bare-')
    writeFileSync(join(bare, 'index.html'), '<!doctype html><title>x</title>')
    await expect(createAppRequestHandler(bare)).rejects.toThrow(/Content-Security-Policy/)
  })
})

describe('origins and the renderer URL', () => {
  it('reads the CSP from the real renderer/index.html (kept as a meta tag for the dev server)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8')
    expect(cspFromHtml(html)).toMatch(/^default-src 'none';.*connect-src 'none'/)
    expect(cspFromHtml('<meta name="x" content="y">')).toBeNull()
  })

  it('gives app:// its own origin and file:// none (never the string "null")', () => {
    expect(originOf(APP_ENTRY_URL)).toBe('app://partner-desk')
    expect(originOf('app://partner-desk/assets/x.js')).toBe('app://partner-desk')
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173')
    expect(originOf('file:///app/out/renderer/index.html')).toBeNull()
    expect(originOf('data:text/html,x')).toBeNull()
    expect(originOf('nonsense')).toBeNull()
  })

  it('loads the dev server in development and app://partner-desk/index.html otherwise', () => {
    expect(rendererUrlFor(undefined)).toBe('app://partner-desk/index.html')
    expect(rendererUrlFor('')).toBe('app://partner-desk/index.html')
    expect(rendererUrlFor('http://localhost:5173')).toBe('http://localhost:5173')
  })
})
