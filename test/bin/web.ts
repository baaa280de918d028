import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebBridge } from '../bridge/server'

// `npm run web -- --port 5180 [--api URL]`: the browser preview of Partner Desk over the web
// bridge. Without --api it starts the sandbox at once and prints its credentials (Try the sandbox
// signs in to it); with --api, sign in with your partner credentials to that API.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    data: { type: 'string' },
    encryption: { type: 'string', default: 'available' },
    'sandbox-customers': { type: 'string', default: '500' },
    'sandbox-port': { type: 'string', default: '0' },
    api: { type: 'string' },
    // Tests that watch what happens before the page shows the cached rows wait longer than 3 s.
    'startup-sync-wait-ms': { type: 'string' },
    // The tests start the sandbox through "Try the sandbox", as a user does.
    'sandbox-on-demand': { type: 'boolean', default: false },
  },
})
if (values.api !== undefined && !/^https?:\/\/[^\s]+$/.test(values.api)) {
  throw new Error('--api must be an http(s) URL, e.g. https://api.vobiz.ai')
}

const encryption = values.encryption
if (encryption !== 'available' && encryption !== 'basic_text' && encryption !== 'unavailable') {
  throw new Error('--encryption must be available, basic_text or unavailable')
}
const dataDir = resolve(values.data ?? mkdtempSync(join(tmpdir(), 'partner-desk-web-')))
const bridge = await startWebBridge({
  port: Number(values.port),
  dataDir,
  encryption,
  sandboxCustomers: Number(values['sandbox-customers']),
  sandboxPort: Number(values['sandbox-port']),
  ...(values['startup-sync-wait-ms']
    ? { startupSyncWaitMs: Number(values['startup-sync-wait-ms']) }
    : {}),
})
console.log(`Partner Desk web preview: ${bridge.url}`)
console.log(`Data folder: ${dataDir}`)
if (values.api) {
  console.log(`API: ${values.api} — sign in with your partner Auth ID and Auth Token, and set`)
  console.log('this URL as the API base URL under Advanced on the sign-in screen.')
} else if (!values['sandbox-on-demand']) {
  const sandbox = await bridge.ensureSandbox()
  // Typed by hand, the credentials only work with this base URL (else Vobiz's own API is asked).
  console.log('Sandbox API: press Try the sandbox, or sign in by hand with')
  console.log(`  Auth ID:      ${sandbox.authId}`)
  console.log(`  Auth Token:   ${sandbox.authToken}  (sandbox only)`)
  console.log(`  API base URL: ${sandbox.baseUrl}  (under Advanced on the sign-in screen)`)
}

const stop = () => {
  void bridge.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
