import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'

/**
 * The peer (peer/ag-grid-peer.mjs: AG Grid Community with its quick filter) as a document for
 * `page.setContent`, like the rendering-only page: its bundle inline, and the app's cached rows
 * (the bridge's cache file, as main wrote it) inline as JSON.
 */
export async function peerDocument(bridgeDataDir: string): Promise<string> {
  const cacheDir = join(bridgeDataDir, 'cache')
  const [profile] = readdirSync(cacheDir)
  if (!profile) throw new Error(`no customer cache in ${cacheDir}`)
  const cache = JSON.parse(readFileSync(join(cacheDir, profile, 'customers.json'), 'utf8')) as {
    fields: string[]
    rows: unknown[]
  }
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
  return (
    `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:14px system-ui}</style></head>` +
    `<body><div id="root"></div>` +
    `<script type="application/json" id="fields">${json(cache.fields)}</script>` +
    `<script type="application/json" id="rows">${json(cache.rows)}</script>` +
    `<script type="module">${await peerBundle()}</script></body></html>`
  )
}

let bundled: Promise<string> | null = null

/** Built once per run, minified, in production mode (as the app's renderer is). */
function peerBundle(): Promise<string> {
  bundled ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-peer-'))
    try {
      await build({
        configFile: false,
        logLevel: 'error',
        mode: 'production',
        define: { 'process.env.NODE_ENV': '"production"' },
        build: {
          outDir,
          emptyOutDir: true,
          chunkSizeWarningLimit: 10_000,
          minify: true,
          modulePreload: false,
          rolldownOptions: {
            input: new URL('./peer/ag-grid-peer.mjs', import.meta.url).pathname,
            output: { format: 'es', entryFileNames: 'peer.js', codeSplitting: false },
          },
        },
      })
      return readFileSync(join(outDir, 'peer.js'), 'utf8').replace(/<\/script/gi, '<\\/script')
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })()
  return bundled
}
