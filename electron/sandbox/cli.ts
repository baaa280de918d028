import { parseArgs } from 'node:util'
import { parseFaultSpec } from './faults'
import { startSandbox } from './server'

const USAGE = `Usage: npm run sandbox -- [options]

  --port <n>          port to listen on (default 4010; 0 = any free port)
  --host <addr>       address to bind (default 127.0.0.1)
  --customers <n>     seeded customers, 0 … 100000 (default 500)
  --call-customers <n>  the first n customers have calls and numbers (default 2000)
  --seed <n>          data seed (default 1)
  --token <token>     the partner Auth Token (default: random for each start)
  --latency <ms>      delay every API request by <ms>
  --fault <spec>      repeatable: <kind>[:<param>][:<times>][:<path>]
                        status:503:2        two 503 replies, then normal
                        rate_limit:30       429 with Retry-After: 30, always
                        drop / drop:after   cut the connection (after: the request is applied)
                        malformed::1        one 200 with broken JSON
                        hang                never answer
                        latency:500         500 ms extra delay
                      param = status code, Retry-After seconds, ms, or before|after;
                      path = only requests whose path contains it
  --help              this text`

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number`)
  return Number(value)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      customers: { type: 'string', default: '500' },
      'call-customers': { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string' },
      latency: { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const faults = values.fault.map(parseFaultSpec)
  const latency = numberFlag(values.latency, 'latency')
  if (latency !== undefined) faults.unshift({ kind: 'latency', ms: latency })
  const seed = numberFlag(values.seed, 'seed')
  const callCustomers = numberFlag(values['call-customers'], 'call-customers')

  const sandbox = await startSandbox({
    port: numberFlag(values.port, 'port') ?? 4010,
    host: values.host,
    customers: numberFlag(values.customers, 'customers') ?? 500,
    ...(seed === undefined ? {} : { seed }),
    ...(callCustomers === undefined ? {} : { callCustomers }),
    ...(values.token === undefined ? {} : { authToken: values.token }),
    faults,
    // The development sandbox: its /__sandbox control endpoints are on (the app's never are).
    controlEndpoints: true,
  })
  const { customers } = sandbox.state()
  // Printing the credentials is the point of this command: it is a local development sandbox.
  console.log(`Vobiz sandbox listening on ${sandbox.baseUrl}`)
  console.log(`  customers:   ${customers}`)
  console.log(`  Auth ID:     ${sandbox.credentials.authId}`)
  console.log(`  Auth Token:  ${sandbox.credentials.authToken}`)
  if (faults.length > 0) console.log(`  faults:      ${JSON.stringify(faults)}`)
  console.log(`  control:     ${sandbox.baseUrl}/__sandbox/… (header X-Sandbox-Control: 1)`)
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the sandbox…`)
    void sandbox.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  console.error('Run with --help for the options.')
  process.exit(1)
})
