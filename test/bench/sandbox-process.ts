import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'

const tsx = createRequire(import.meta.url).resolve('tsx')

/**
 * `electron/sandbox/cli.ts` in a child process, on a free port: the API is not the measured
 * app's work (as Vobiz is not, for a real account).
 */
export async function startSandboxProcess(customers: number, extraArgs: readonly string[] = []) {
  const authToken = randomBytes(24).toString('base64url')
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      'electron/sandbox/cli.ts',
      '--port',
      '0',
      '--customers',
      String(customers),
      // One argument: a base64url token may start with '-', which parseArgs reads as an option.
      `--token=${authToken}`,
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${output}`)))
  })
  return {
    baseUrl,
    credentials: { authId: 'PA_SANDBOX1', authToken },
    async listRequests(): Promise<number> {
      const response = await fetch(new URL('/__sandbox/state', baseUrl), {
        headers: { 'X-Sandbox-Control': '1' },
      })
      const state = (await response.json()) as { requests: Record<string, number> }
      return state.requests['GET /api/v1/partner/accounts'] ?? 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
