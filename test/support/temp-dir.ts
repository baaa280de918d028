import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const makeTempDir = (prefix = 'partner-desk-'): string => mkdtempSync(join(tmpdir(), prefix))

/** Every file under a folder, recursively, with its bytes: for scans that look for leaked secrets. */
export function readAllFiles(dir: string): { path: string; content: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? readAllFiles(path)
      : [{ path, content: readFileSync(path) }]
  })
}

/** Files that contain the secret as plain text (UTF-8, UTF-16 or base64 of it). */
export function filesContaining(dir: string, secret: string): string[] {
  const needles = [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret, 'utf8').toString('base64'), 'utf8'),
  ]
  return readAllFiles(dir)
    .filter(({ content }) => needles.some((needle) => content.includes(needle)))
    .map(({ path }) => path)
}
