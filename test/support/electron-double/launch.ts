import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from './driver'

export const REPO = join(import.meta.dirname, '../../..')
export const OUT = join(REPO, 'out')

/** Fails clearly when the bundles are missing or older than the sources they come from. */
export function requireBuiltBundles(sources: string[]): void {
  const bundles = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].map((f) =>
    join(OUT, f),
  )
  const missing = bundles.filter((f) => !existsSync(f))
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first (npm test does).`)
  }
  const built = Math.min(...bundles.map((f) => statSync(f).mtimeMs))
  const newer = sources.filter((f) => statSync(join(REPO, f)).mtimeMs > built)
  if (newer.length > 0) {
    throw new Error(`out/ is older than ${newer.join(', ')}: run \`npm run build\` first.`)
  }
}

export type BuiltMain = {
  send<T = unknown>(command: Command): Promise<T>
  output(): string
  stop(): void
}

/** Runs out/main/index.js in a child Node whose `electron` is the double. */
export async function launchBuiltMain(env: Record<string, string>): Promise<BuiltMain> {
  const child: ChildProcess = fork(
    join(import.meta.dirname, 'driver.ts'),
    [join(OUT, 'main/index.js')],
    {
      cwd: REPO,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env, ELECTRON_RENDERER_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const pending = new Map<number, { done: (v: unknown) => void; fail: (e: Error) => void }>()
  let nextId = 1
  const started = new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the bundle did not start:\n${output}`)), 30_000)
    child.on('exit', (code) => {
      const error = new Error(`the bundle exited (${code}):\n${output}`)
      fail(error)
      for (const waiter of pending.values()) waiter.fail(error)
      pending.clear()
    })
    child.on('message', (message: { type?: string }) => {
      if (message.type === 'started') {
        clearTimeout(timer)
        done()
        return
      }
      const reply = message as { id: number; ok: boolean; value?: unknown; error?: string }
      const waiter = pending.get(reply.id)
      pending.delete(reply.id)
      if (reply.ok) waiter?.done(reply.value)
      else waiter?.fail(new Error(reply.error))
    })
  })
  await started
  return {
    send<T>(command: Command) {
      const id = nextId++
      return new Promise<T>((done, fail) => {
        pending.set(id, { done: done as (v: unknown) => void, fail })
        child.send({ id, command })
      })
    },
    output: () => output,
    stop: () => {
      child.kill()
    },
  }
}
