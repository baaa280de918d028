import { createHash } from 'node:crypto'
import type { ClipboardCleared } from '../../../shared/credentials'
import type { Logger } from './logger'
import type { Clock, ClipboardPort, Scheduler } from './ports'

export type ClipboardGuardDeps = {
  clipboard: ClipboardPort
  scheduler: Scheduler
  clock: Clock
  logger: Logger
  /** How long a copied secret stays on the clipboard (the user's setting), read at each copy. */
  clearAfterMs: () => number
  onCleared: (event: ClipboardCleared) => void
}

export type ClipboardGuard = ReturnType<typeof createClipboardGuard>

const digest = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * Copies secrets and takes them off the clipboard again: after the delay, on sign-out and at
 * quit — but only while the clipboard still holds that secret, never what the user copied since.
 * Only a digest of the secret is kept to recognise it; one secret is guarded at a time (a new
 * copy replaces the previous one on the clipboard anyway).
 */
export function createClipboardGuard(deps: ClipboardGuardDeps) {
  let guarded: { digest: string; label: string; cancel: () => void } | null = null

  async function clearIfStillThere(reason: ClipboardCleared['reason']): Promise<void> {
    const current = guarded
    if (!current) return
    guarded = null
    current.cancel()
    let cleared = false
    try {
      if (digest(await deps.clipboard.readText()) === current.digest) {
        await deps.clipboard.writeText('')
        cleared = true
      }
    } catch (error) {
      deps.logger.warn('could not clear the clipboard', { error })
    }
    deps.logger.info('clipboard guard done', { reason, cleared, label: current.label })
    deps.onCleared({ reason, cleared, label: current.label })
  }

  return {
    /**
     * Writes `secret` with the OS markers that keep it out of clipboard history, and arms the
     * clearing. `label` names what was copied for the user ("Auth Token of MA_…"), never the value.
     */
    async copySecret(secret: string, label: string): Promise<{ clearsAt: string }> {
      const ms = deps.clearAfterMs()
      await deps.clipboard.writeSecret(secret)
      guarded?.cancel()
      const cancel = deps.scheduler.after(ms, () => void clearIfStillThere('timer'))
      guarded = { digest: digest(secret), label, cancel }
      return { clearsAt: new Date(deps.clock.now() + ms).toISOString() }
    },
    /** Clears now (sign-out, quit) if the clipboard still holds the guarded secret. */
    clearNow: (reason: 'signOut' | 'quit'): Promise<void> => clearIfStillThere(reason),
    /** A secret is waiting to be cleared. */
    pending: (): boolean => guarded !== null,
  }
}
