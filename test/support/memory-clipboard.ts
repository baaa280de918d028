import {
  secretClipboardEntries,
  type ClipboardPlatform,
  type MarkerValue,
} from '../../electron/main/platform/clipboard-markers'
import type { ClipboardPort } from '../../electron/main/platform/ports'

/**
 * The clipboard port with its content in memory, so tests can inspect what was copied: the text,
 * and the raw OS formats written with it (the secret markers of `platform`).
 */
export function createMemoryClipboard(
  platform: ClipboardPlatform = 'linux',
): ClipboardPort & { current(): string; formats(): Record<string, MarkerValue> } {
  let text = ''
  let formats: Record<string, MarkerValue> = {}
  return {
    readText: async () => text,
    writeText: async (value) => {
      text = value
      formats = {}
    },
    writeSecret: async (value) => {
      const { 'text/plain': plain, ...markers } = secretClipboardEntries(value, platform)
      text = typeof plain === 'string' ? plain : ''
      formats = markers
    },
    current: () => text,
    formats: () => ({ ...formats }),
  }
}
