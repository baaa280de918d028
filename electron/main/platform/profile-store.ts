import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_SUFFIX, writeAtomically } from './atomic-write'
import type { Logger } from './logger'
import type { SafeStoragePort } from './ports'

/**
 * The files kept per partner profile (caches and secrets). Each is JSON, replaced atomically, and
 * read, written and removed one job at a time per profile, in call order; a file that cannot be
 * read back (damaged, another version, another keyring) is deleted with a warning and reads as
 * absent: what it held comes back from Vobiz.
 */

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/

function checkedId(profileId: string): string {
  // Profile ids are hex digests; anything else must not become a path.
  if (!PROFILE_ID.test(profileId)) throw new Error('Not a profile id')
  return profileId
}

/** `<dataDir>/cache/<profileId>`: the profile's plain (secret-free) files, deleted at sign-out. */
export const profileCacheFolder = (dataDir: string, profileId: string): string =>
  join(dataDir, 'cache', checkedId(profileId))

/** `<dataDir>/records/<profileId>`: the profile's records (the activity log), kept at sign-out. */
export const profileRecordsFolder = (dataDir: string, profileId: string): string =>
  join(dataDir, 'records', checkedId(profileId))

export type ProfileFilePlace =
  /** Plain JSON: `<dataDir>/cache/<profileId>/<name>`. */
  | { cache: string }
  /** safeStorage ciphertext of the JSON: `<dataDir>/secrets/<profileId><suffix>`. */
  | { secret: string; safeStorage: SafeStoragePort }

export type Loaded<T> = { kind: 'missing' } | { kind: 'loaded'; value: T } | { kind: 'discarded' }

export type ProfileFile<T> = ReturnType<typeof createProfileFile<T>>

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'

export function createProfileFile<T>(options: {
  dataDir: string
  logger: Logger
  place: ProfileFilePlace
  /** The value the file's JSON holds, or null if it holds none (the file is then discarded). */
  decode: (json: unknown, profileId: string) => T | null
  /** The JSON saved for a value (by default the value itself). */
  encode?: (value: T, profileId: string) => unknown
}) {
  const { logger, place } = options
  const safeStorage = 'secret' in place ? place.safeStorage : null
  const encode = options.encode ?? ((value: T) => value)
  const locate = (profileId: string) =>
    'cache' in place
      ? { dir: profileCacheFolder(options.dataDir, profileId), name: place.cache }
      : { dir: join(options.dataDir, 'secrets'), name: `${checkedId(profileId)}${place.secret}` }

  const queues = new Map<string, Promise<unknown>>()
  function queued<R>(profileId: string, job: () => Promise<R>): Promise<R> {
    // A failed job was reported to its caller; the next one works on what the disk holds.
    const next = (queues.get(profileId) ?? Promise.resolve()).catch(() => undefined).then(job)
    queues.set(profileId, next)
    return next
  }

  async function loadNow(profileId: string): Promise<Loaded<T>> {
    const { dir, name } = locate(profileId)
    await removeTempFiles(dir, name)
    let failure: unknown
    try {
      const bytes = await readFile(join(dir, name))
      const text = safeStorage ? await safeStorage.decrypt(bytes) : bytes.toString('utf8')
      const value = options.decode(JSON.parse(text), profileId)
      if (value !== null) return { kind: 'loaded', value }
    } catch (error) {
      if (isMissing(error)) return { kind: 'missing' }
      failure = error
    }
    logger.warn(`${name} unreadable; discarded`, { profileId, error: failure })
    await rm(join(dir, name), { force: true }).catch((error: unknown) =>
      logger.warn(`${name} not deleted`, { profileId, error }),
    )
    return { kind: 'discarded' }
  }

  async function writeNow(profileId: string, json: string): Promise<void> {
    const { dir, name } = locate(profileId)
    try {
      await writeAtomically(dir, name, safeStorage ? await safeStorage.encrypt(json) : json)
    } catch (error) {
      logger.warn(`${name} not saved`, { profileId, error })
      throw error
    }
  }

  async function load(profileId: string): Promise<Loaded<T>> {
    locate(profileId)
    return queued(profileId, () => loadNow(profileId))
  }

  return {
    /** Where the profile's file is (refuses an id that is not a profile's). */
    path(profileId: string): string {
      const { dir, name } = locate(profileId)
      return join(dir, name)
    },
    load,
    /** The saved value; undefined when there is none (missing or discarded). */
    async read(profileId: string): Promise<T | undefined> {
      const loaded = await load(profileId)
      return loaded.kind === 'loaded' ? loaded.value : undefined
    },
    /** Saves the value as it is now; a failure is logged and thrown. */
    async write(profileId: string, value: T): Promise<void> {
      locate(profileId)
      const json = JSON.stringify(encode(value, profileId))
      return queued(profileId, () => writeNow(profileId, json))
    },
    /** Read, change and write as one job, so two changes close together both stay. */
    async update(profileId: string, change: (saved: T | undefined) => T): Promise<void> {
      locate(profileId)
      return queued(profileId, async () => {
        const loaded = await loadNow(profileId)
        const value = change(loaded.kind === 'loaded' ? loaded.value : undefined)
        await writeNow(profileId, JSON.stringify(encode(value, profileId)))
      })
    },
    /** Deletes the file once the jobs queued before it are done (sign-out). */
    async remove(profileId: string): Promise<void> {
      const { dir, name } = locate(profileId)
      return queued(profileId, () => rm(join(dir, name), { force: true }))
    },
  }
}

/** Temporary files of this file that a crash left behind (see atomic-write). */
async function removeTempFiles(dir: string, name: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((temp) => temp.startsWith(`.${name}.`) && temp.endsWith(TEMP_SUFFIX))
      .map((temp) => rm(join(dir, temp), { force: true }).catch(() => undefined)),
  )
}

/**
 * A profile file holding a map, kept in memory: read once per profile, changed there, then saved
 * whole. With a `limit`, only the most recently set entries are kept.
 */
export function createProfileMap<V>(options: {
  file: ProfileFile<Map<string, V>>
  limit?: number
  /** Whether the profile's map may be written now (by default always). */
  mayWrite?: (profileId: string) => Promise<boolean>
}) {
  const { file } = options
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  const maps = new Map<string, Promise<Map<string, V>>>()

  function mapOf(profileId: string): Promise<Map<string, V>> {
    let map = maps.get(profileId)
    if (!map) {
      map = file.read(profileId).then((saved) => saved ?? new Map<string, V>())
      maps.set(profileId, map)
    }
    return map
  }

  return {
    async get(profileId: string, key: string): Promise<V | undefined> {
      return (await mapOf(profileId)).get(key)
    },
    /**
     * Changes the map in place and saves it, unless `change` says it changed nothing. A failed
     * save is logged by the file, and the change stays in memory for this session.
     */
    async change(profileId: string, change: (map: Map<string, V>) => boolean): Promise<void> {
      const map = await mapOf(profileId)
      if (!change(map)) return
      // A Map iterates in insertion order: the oldest entries come first.
      for (const oldest of map.keys()) {
        if (map.size <= limit) break
        map.delete(oldest)
      }
      if (options.mayWrite && !(await options.mayWrite(profileId))) return
      await file.write(profileId, map).catch(() => undefined)
    },
    /** Sign-out: the profile's map leaves memory and disk. */
    async forget(profileId: string): Promise<void> {
      maps.delete(profileId)
      await file.remove(profileId)
    },
  }
}
