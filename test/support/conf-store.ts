import Conf from 'conf'
import type { KeyValueStore } from '../../electron/main/platform/ports'

/** conf is what electron-store is built on: the same file format, in a folder of our choosing. */
export function createConfStore(dir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: 'partner-desk',
    projectName: 'partner-desk',
    configFileMode: 0o600,
    clearInvalidConfig: true,
  })
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  }
}
