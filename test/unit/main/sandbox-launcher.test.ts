import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSandboxLauncher } from '../../../electron/main/platform/sandbox-launcher'
import { startSandbox } from '../../../electron/sandbox'

const ROOT = resolve(import.meta.dirname, '../../..')

/** Every control request the sandbox knows, as a test or `npm run sandbox` user would send it. */
const CONTROL_REQUESTS = [
  ['GET', '/__sandbox/faults', undefined],
  ['POST', '/__sandbox/faults', { faults: [{ kind: 'drop' }] }],
  ['DELETE', '/__sandbox/faults', undefined],
  ['PATCH', '/__sandbox/partner', { max_accounts: 1 }],
  ['POST', '/__sandbox/reset', undefined],
  ['GET', '/__sandbox/state', undefined],
  ['GET', '/__sandbox', undefined],
] as const

async function statuses(baseUrl: string): Promise<number[]> {
  const result: number[] = []
  for (const [method, path, body] of CONTROL_REQUESTS) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'X-Sandbox-Control': '1', 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    await response.arrayBuffer()
    result.push(response.status)
  }
  return result
}

/** Is the API still unfaulted and unpatched (no control request took effect)? */
async function meStatus(baseUrl: string, authId: string, authToken: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/partner/me`, {
    headers: { 'X-Auth-ID': authId, 'X-Auth-Token': authToken },
  })
  await response.arrayBuffer()
  return response.status
}

describe('the sandbox of "Try the sandbox" has no test doors', () => {
  it('answers 404 on every /__sandbox control path, and none of them takes effect', async () => {
    const launcher = createSandboxLauncher({ customers: 3 })
    try {
      const { baseUrl, authId, authToken } = await launcher.ensure()
      expect(await statuses(baseUrl)).toEqual(CONTROL_REQUESTS.map(() => 404))
      // The POST of a drop fault above was not applied: the API still answers.
      expect(await meStatus(baseUrl, authId, authToken)).toBe(200)
    } finally {
      await launcher.close()
    }
  })

  it('startSandbox without the option has none either', async () => {
    const sandbox = await startSandbox({ customers: 1 })
    try {
      expect(await statuses(sandbox.baseUrl)).toEqual(CONTROL_REQUESTS.map(() => 404))
    } finally {
      await sandbox.close()
    }
  })
})

describe('the control endpoints where they are asked for', () => {
  it('a launcher told so (the web bridge of the tests) answers them', async () => {
    const launcher = createSandboxLauncher({ customers: 3, controlEndpoints: true })
    try {
      const { baseUrl } = await launcher.ensure()
      // GET, POST, DELETE faults; PATCH partner; reset; state; the bare prefix names no route.
      expect(await statuses(baseUrl)).toEqual([200, 200, 200, 200, 200, 200, 404])
    } finally {
      await launcher.close()
    }
  })

  it('npm run sandbox answers them', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/sandbox/cli.ts', '--port', '0', '--customers', '2'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    try {
      const baseUrl = await new Promise<string>((done, fail) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /listening on (\S+)/.exec(output)
          if (match?.[1]) done(match[1])
        })
        void exited.then(() => fail(new Error(`the CLI exited early:\n${output}`)))
      })
      expect(await statuses(baseUrl)).toEqual([200, 200, 200, 200, 200, 200, 404])
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  }, 30_000)
})
