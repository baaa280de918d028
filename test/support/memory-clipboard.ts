import type { ClipboardPort } from '../../electron/main/services/ports'

/** The clipboard port with its content in memory, so tests can inspect what was copied. */
export function createMemoryClipboard(): ClipboardPort & { current(): string } {
  let text = ''
  return {
    readText: async () => text,
    writeText: async (value) => {
      text = value
    },
    current: () => text,
  }
}
