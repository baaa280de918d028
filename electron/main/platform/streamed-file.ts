import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { TEMP_SUFFIX } from './atomic-write'

export type StreamedFile = {
  write(text: string): Promise<void>
  /** Flushes and moves the file into place under its name. */
  commit(): Promise<void>
  /** Removes what was written: no partial file is left under any name. */
  abort(): Promise<void>
}

/**
 * A file written piece by piece (a big export): into a temp file beside `path`, renamed over it
 * only on commit, so a cancelled or failed export leaves nothing behind.
 */
export async function openStreamedFile(path: string): Promise<StreamedFile> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  )
  const handle = await open(temp, 'wx', 0o600)
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await handle.close()
  }
  return {
    async write(text) {
      await handle.write(text)
    },
    async commit() {
      await handle.sync()
      await close()
      await rename(temp, path)
    },
    async abort() {
      await close().catch(() => undefined)
      await rm(temp, { force: true })
    },
  }
}
