import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFaultSpec } from '../../../electron/sandbox/faults'
import { partnerProfileSchema } from '../../../shared/vobiz'

const ROOT = resolve(import.meta.dirname, '../../..')

/** Runs the CLI the way `npm run sandbox` does (tsx), collecting its output. */
function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/sandbox/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const ready = new Promise<string>((done, fail) => {
    child.stdout.on('data', () => {
      if (stdout.includes('Press Ctrl+C')) done(stdout)
    })
    void exited.then(() => fail(new Error(`CLI exited early:\n${stdout}\n${stderr}`)))
  })
  ready.catch(() => {}) // awaited only by the tests that expect it to start
  return { child, ready, exited, output: () => ({ stdout, stderr }) }
}

describe('parseFaultSpec (--fault)', () => {
  it.each([
    ['status:503:2', { kind: 'status', status: 503, times: 2 }],
    ['status', { kind: 'status' }],
    ['rate_limit', { kind: 'rate_limit' }],
    ['rate_limit:30', { kind: 'rate_limit', retryAfterSeconds: 30 }],
    ['drop', { kind: 'drop' }],
    ['drop:after:1', { kind: 'drop', when: 'after', times: 1 }],
    ['malformed::3', { kind: 'malformed', times: 3 }],
    ['hang', { kind: 'hang' }],
    ['latency:250', { kind: 'latency', ms: 250 }],
    ['status:502:1:/accounts', { kind: 'status', status: 502, times: 1, path: '/accounts' }],
  ])('%s', (spec, rule) => {
    expect(parseFaultSpec(spec)).toEqual(rule)
  })

  it.each(['explode', 'status:404', 'status:abc', 'drop:sideways', 'hang:5', 'status:503:x', ''])(
    'refuses %j',
    (spec) => {
      expect(() => parseFaultSpec(spec)).toThrow()
    },
  )
})

describe('npm run sandbox', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the base URL and credentials, serves, and stops cleanly on %s',
    async (signal) => {
      const cli = runCli([
        '--port',
        '0',
        '--customers',
        '7',
        '--token',
        'cli-token-123456',
        '--fault',
        'status:503:1',
      ])
      try {
        const out = await cli.ready
        const baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
        expect(baseUrl).toBeDefined()
        expect(out).toContain('Auth ID:     PA_SANDBOX1')
        expect(out).toContain('Auth Token:  cli-token-123456')
        const headers = { 'X-Auth-ID': 'PA_SANDBOX1', 'X-Auth-Token': 'cli-token-123456' }
        expect((await fetch(`${baseUrl}/api/v1/partner/me`, { headers })).status).toBe(503)
        const me = await fetch(`${baseUrl}/api/v1/partner/me`, { headers })
        expect(partnerProfileSchema.parse(await me.json()).account_count).toBe(7)
        cli.child.kill(signal)
        expect(await cli.exited).toBe(0)
        expect(cli.output().stdout).toContain('stopping')
        await expect(fetch(`${baseUrl}/api/v1/partner/me`, { headers })).rejects.toThrow()
      } finally {
        cli.child.kill('SIGKILL')
      }
    },
  )

  it('explains a bad flag and exits with 1', async () => {
    const cli = runCli(['--port', '0', '--fault', 'explode'])
    expect(await cli.exited).toBe(1)
    expect(cli.output().stderr).toMatch(/kind/)
    expect(cli.output().stderr).toContain('--help')
  })
})
