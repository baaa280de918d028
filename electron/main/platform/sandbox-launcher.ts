import { startSandbox, type RunningSandbox } from '../../sandbox'
import type { SandboxLauncher } from './ports'

export type SandboxLauncherOptions = {
  customers?: number
  port?: number
  /**
   * The sandbox's /__sandbox control endpoints (faults, reset). Off by default and never on in
   * the app: only the web bridge of the tests turns them on.
   */
  controlEndpoints?: boolean
}

/**
 * Runs the sandbox API inside this process on a random loopback port, started on first use.
 * A token given (a restored sandbox profile's) is reused, so a restart keeps the session.
 */
export function createSandboxLauncher(options: SandboxLauncherOptions = {}): SandboxLauncher {
  let running: Promise<RunningSandbox> | null = null

  async function start(authToken?: string): Promise<RunningSandbox> {
    return startSandbox({
      host: '127.0.0.1',
      port: options.port ?? 0,
      customers: options.customers ?? 500,
      controlEndpoints: options.controlEndpoints === true,
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
