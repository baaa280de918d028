import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type {
  ChooseFolderPort,
  SaveFilePort,
  SaveTargetPort,
} from '../../electron/main/platform/ports'

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
  const save = async (suggestedName: string, content: string | Uint8Array, title: string) => {
    titles.push(title)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const extension = extname(suggestedName)
    const stem = suggestedName.slice(0, suggestedName.length - extension.length)
    for (let n = 1; ; n++) {
      const fileName = n === 1 ? suggestedName : `${stem}-${n}${extension}`
      try {
        await writeFile(join(dir, fileName), content, { flag: 'wx', mode: 0o600 })
        return { saved: true, fileName }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }
  return Object.assign(save, { dir, titles })
}

/**
 * The folder-choosing port of the web bridge and the tests: a new folder
 * `<dataDir>/exports/statements-<n>` per choice; `chosen` lists them (absolute paths).
 */
export function createChosenFolders(dataDir: string): ChooseFolderPort & { chosen: string[] } {
  const chosen: string[] = []
  const choose = async () => {
    const folder = join(dataDir, 'exports', `statements-${chosen.length + 1}`)
    await mkdir(folder, { recursive: true, mode: 0o700 })
    chosen.push(folder)
    return folder
  }
  return Object.assign(choose, { chosen })
}

/**
 * The save-target port of the web bridge and the tests: `<dataDir>/exports/<suggested name>`
 * (numbered if taken); `titles` records the dialog titles asked for.
 */
export function createExportTargets(dataDir: string): SaveTargetPort & { titles: string[] } {
  const dir = join(dataDir, 'exports')
  const titles: string[] = []
  const target = async (suggestedName: string, title: string) => {
    titles.push(title)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const extension = extname(suggestedName)
    const stem = suggestedName.slice(0, suggestedName.length - extension.length)
    for (let n = 1; ; n++) {
      const path = join(dir, n === 1 ? suggestedName : `${stem}-${n}${extension}`)
      if (!existsSync(path)) return path
    }
  }
  return Object.assign(target, { titles })
}
