import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../electron/sandbox'
import { createAppHarness } from './app-harness'

/**
 * One sandbox API for a test file (or describe block), reset between tests, and the app
 * harnesses the tests open, closed after each. Call at the top of the suite.
 */
export function sandboxSuite(options: Omit<SandboxOptions, 'port'>) {
  let running: RunningSandbox | null = null
  const apps: ReturnType<typeof createAppHarness>[] = []
  beforeAll(async () => {
    running = await startSandbox({ port: 0, ...options })
  })
  afterAll(() => running?.close())
  beforeEach(() => {
    running?.setFaults([])
    running?.reset()
  })
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()))
  })
  return {
    get api(): RunningSandbox {
      if (!running) throw new Error('the sandbox starts in beforeAll')
      return running
    },
    /** An app harness on `dataDir`, closed after the test. */
    open(dataDir: string, harness: Parameters<typeof createAppHarness>[1] = {}) {
      const app = createAppHarness(dataDir, harness)
      apps.push(app)
      return app
    },
  }
}
