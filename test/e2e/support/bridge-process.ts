import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { KNOWN_SECRETS_DIR, KNOWN_SECRETS_ENV, USER_DATA_ROOT } from './run-dirs'

const tsxLoader = createRequire(import.meta.url).resolve('tsx')

export type BridgeProcess = {
  url: string
  dataDir: string
  /** Stops the bridge (as quitting the app would) and starts it again on the same data. */
  restart(): Promise<void>
  stop(): Promise<void>
}

/** Runs `test/bin/web.ts` in its own Node process, as `npm run web` does. */
export async function startBridgeProcess(
  options: {
    dataDir?: string
    encryption?: string
    sandboxCustomers?: number
    startupSyncWaitMs?: number
    /** `npm run web -- --api URL`: the preview told to sign in to that API. */
    api?: string
  } = {},
): Promise<BridgeProcess> {
  // Under one known root, which the secrets scan after the run reads (global-teardown.ts).
  mkdirSync(USER_DATA_ROOT, { recursive: true })
  const dataDir = options.dataDir ?? mkdtempSync(join(USER_DATA_ROOT, 'bridge-'))
  let child: ChildProcess | null = null
  let url = ''

  async function launch(port: number): Promise<void> {
    const args = [
      '--import',
      tsxLoader,
      'test/bin/web.ts',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--sandbox-on-demand',
    ]
    if (options.encryption) args.push('--encryption', options.encryption)
    if (options.api) args.push('--api', options.api)
    if (options.startupSyncWaitMs) {
      args.push('--startup-sync-wait-ms', String(options.startupSyncWaitMs))
    }
    args.push('--sandbox-customers', String(options.sandboxCustomers ?? 300))
    child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The bridge records its sandbox's tokens there when it stops, for the secrets scan.
      env: { ...process.env, [KNOWN_SECRETS_ENV]: KNOWN_SECRETS_DIR },
    })
    url = await new Promise<string>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(
        () => reject(new Error(`web bridge did not start:\n${output}`)),
        30_000,
      )
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /Partner Desk web preview: (\S+)/.exec(output)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      }
      child!.stdout!.on('data', onData)
      child!.stderr!.on('data', onData)
      child!.once('exit', (code) => reject(new Error(`web bridge exited (${code}):\n${output}`)))
    })
  }

  async function stop(): Promise<void> {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      running.kill('SIGTERM')
    })
  }

  await launch(0)
  return {
    get url() {
      return url
    },
    dataDir,
    async restart() {
      const port = Number(new URL(url).port)
      await stop()
      await launch(port)
    },
    stop,
  }
}
