import { startSandbox, type RunningSandbox } from '../../sandbox'
import type { SandboxLauncher } from './ports'

/**
 * Runs the sandbox API inside this process on a random loopback port, started on first use.
 * A token given (a restored sandbox profile's) is reused, so a restart keeps the session.
 */
export function createSandboxLauncher(
  options: { customers?: number; port?: number } = {},
): SandboxLauncher {
  let running: Promise<RunningSandbox> | null = null

  async function start(authToken?: string): Promise<RunningSandbox> {
    return startSandbox({
      host: '127.0.0.1',
      port: options.port ?? 0,
      customers: options.customers ?? 500,
      ...(authToken ? { authToken } : {}),
    })
  }

  return {
    async ensure(authToken) {
      let current = running ? await running.catch(() => null) : null
      if (current && authToken && current.credentials.authToken !== authToken) {
        await current.close()
        current = null
      }
      if (!current) {
        running = start(authToken)
        current = await running
      }
      return { baseUrl: current.baseUrl, ...current.credentials }
    },
    async close() {
      const current = running ? await running.catch(() => null) : null
      running = null
      await current?.close()
    },
  }
}
