import { mkdir, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { SaveFilePort } from '../../electron/main/platform/ports'

/**
 * The save-file port of the web bridge and the tests: no dialog, the file goes into
 * `<dataDir>/exports/` under the suggested name (numbered if taken).
 */
export function createExportFolder(
  dataDir: string,
): SaveFilePort & { dir: string; titles: string[] } {
  const dir = join(dataDir, 'exports')
  /** The dialog titles the app asked for, in order (there is no dialog here). */
  const titles: string[] = []
  const save = async (suggestedName: string, content: string, title: string) => {
    titles.push(title)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const extension = extname(suggestedName)
    const stem = suggestedName.slice(0, suggestedName.length - extension.length)
    for (let n = 1; ; n++) {
      const fileName = n === 1 ? suggestedName : `${stem}-${n}${extension}`
      try {
        await writeFile(join(dir, fileName), content, { encoding: 'utf8', flag: 'wx', mode: 0o600 })
        return { saved: true, fileName }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }
  return Object.assign(save, { dir, titles })
}
