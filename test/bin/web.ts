import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebBridge } from '../bridge/server'

// `npm run web -- --port 5180`: the browser preview of Partner Desk over the web bridge.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    data: { type: 'string' },
    encryption: { type: 'string', default: 'available' },
    'sandbox-customers': { type: 'string', default: '500' },
    'sandbox-port': { type: 'string', default: '0' },
  },
})

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
})
console.log(`Partner Desk web preview: ${bridge.url}`)
console.log(`Data folder: ${dataDir}`)

const stop = () => {
  void bridge.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
