import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'

/** Left behind only by a crash mid-write; readers delete them. */
export const TEMP_SUFFIX = '.tmp'

/** Temp file in the same folder, written, flushed, renamed over the target; then the folder is flushed. */
export async function writeAtomically(
  dir: string,
  name: string,
  content: string | Uint8Array,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, join(dir, name))
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  // Makes the rename itself durable; not possible on every platform (Windows), hence best effort.
  const folder = await open(dir, 'r').catch(() => null)
  if (folder) {
    await folder.sync().catch(() => undefined)
    await folder.close().catch(() => undefined)
  }
}
