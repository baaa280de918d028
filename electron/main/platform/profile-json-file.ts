import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { writeAtomically } from './atomic-write'
import type { Logger } from './logger'

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** `<dataDir>/cache/<profileId>`: where a profile's plain (secret-free) files live. */
export function profileCacheFolder(dataDir: string, profileId: string): string {
  if (!PROFILE_ID.test(profileId)) throw new Error('Not a profile id')
  return join(dataDir, 'cache', profileId)
}

/**
 * One JSON file per profile in its cache folder, checked by a schema on every read: a missing
 * file reads as `empty`, an unreadable one is deleted (with a warning) and reads as `empty`.
 * Writes are atomic and one at a time per profile.
 */
export function createProfileJsonFile<S extends z.ZodType>(options: {
  dataDir: string
  name: string
  schema: S
  empty: () => z.infer<S>
  logger: Logger
}) {
  const writing = new Map<string, Promise<void>>()
  const path = (profileId: string) =>
    join(profileCacheFolder(options.dataDir, profileId), options.name)

  async function read(profileId: string): Promise<z.infer<S>> {
    // A failed write was reported to its caller; the file on disk is what there is.
    await writing.get(profileId)?.catch(() => undefined)
    try {
      return options.schema.parse(JSON.parse(await readFile(path(profileId), 'utf8')))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        options.logger.warn(`${options.name} unreadable; discarded`, { error })
        await rm(path(profileId), { force: true })
      }
      return options.empty()
    }
  }

  /** Saves the value; a failure is logged and thrown. */
  async function write(profileId: string, value: z.infer<S>): Promise<void> {
    const content = JSON.stringify(value)
    const folder = profileCacheFolder(options.dataDir, profileId)
    const next = (writing.get(profileId) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => writeAtomically(folder, options.name, content))
    writing.set(profileId, next)
    try {
      await next
    } catch (error) {
      options.logger.warn(`${options.name} not saved`, { error })
      throw error
    }
  }

  /** Read-change-write one at a time, so two changes close together both stay. */
  let changes: Promise<unknown> = Promise.resolve()

  return {
    read,
    write,
    /** Applies `change` to the saved value and writes the result. */
    update(profileId: string, change: (value: z.infer<S>) => z.infer<S>): Promise<void> {
      const next = changes
        .catch(() => undefined)
        .then(async () => write(profileId, change(await read(profileId))))
      changes = next
      return next
    },
    async forget(profileId: string): Promise<void> {
      await changes.catch(() => undefined)
      await writing.get(profileId)?.catch(() => undefined)
      writing.delete(profileId)
      await rm(path(profileId), { force: true })
    },
  }
}
