import { appError, fail } from '../../../shared/app-error'

/** What a background job checks between steps. */
export type Job = { readonly cancelled: boolean }

/**
 * One background job at a time (a big export): a second start while one runs is refused, taken
 * before the first await so two quick starts cannot both run. `prepare` does the asking (a file
 * or folder dialog) and returns the work, or null when the user cancelled; the work runs after
 * `start` has answered, and the slot is free again when it ends.
 */
export function createJobSlot(busyMessage: string) {
  let running: { cancelled: boolean } | null = null
  return {
    async start(prepare: (job: Job) => Promise<(() => Promise<void>) | null>) {
      if (running) fail(appError.conflict(busyMessage))
      const job = { cancelled: false }
      running = job
      const release = () => {
        if (running === job) running = null
      }
      try {
        const work = await prepare(job)
        if (!work) {
          release()
          return { started: false }
        }
        void work().finally(release)
        return { started: true }
      } catch (error) {
        release()
        throw error
      }
    },
    /** Asks the running job to stop at its next step. */
    cancel(): { cancelled: boolean } {
      if (!running) return { cancelled: false }
      running.cancelled = true
      return { cancelled: true }
    },
  }
}
