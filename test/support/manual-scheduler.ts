import type { Clock, Scheduler } from '../../electron/main/platform/ports'

/**
 * A scheduler on fake time: nothing runs until `advance(ms)` moves the time on; then each timer
 * that became due runs, in order, with the promises it starts given the chance to settle.
 */
export function createManualScheduler(startMs = Date.UTC(2026, 10, 1)) {
  let now = startMs
  let nextId = 1
  const timers = new Map<number, { at: number; run: () => void }>()
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

  const scheduler: Scheduler = {
    after(ms, run) {
      const id = nextId++
      timers.set(id, { at: now + Math.max(0, ms), run })
      return () => timers.delete(id)
    },
  }
  const clock: Clock = { now: () => now }

  return {
    scheduler,
    clock,
    /** Delays of the timers waiting, from now (ms), soonest first. */
    pending: (): number[] => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms: number): Promise<void> {
      const until = now + ms
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort(([, a], [, b]) => a.at - b.at)[0]
        if (!due) break
        const [id, timer] = due
        timers.delete(id)
        now = timer.at
        timer.run()
        await settle()
      }
      now = until
      await settle()
    },
  }
}
