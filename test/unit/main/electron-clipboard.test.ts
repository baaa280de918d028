import { afterEach, describe, expect, it, vi } from 'vitest'

// Only `electron` (and electron-store, which needs it) are mocked: they cannot load outside Electron.
const electron = vi.hoisted(() => ({ writes: [] as { items: Record<string, unknown> }[][] }))
vi.mock('electron', () => {
  class ClipboardItem {
    items: Record<string, unknown>
    constructor(items: Record<string, unknown>) {
      this.items = items
    }
  }
  return {
    ClipboardItem,
    clipboard: {
      write: async (items: { items: Record<string, unknown> }[]) => {
        electron.writes.push(items)
      },
      readText: async () => '',
      writeText: async () => {},
    },
    app: {},
    dialog: {},
    safeStorage: {},
    session: {},
    shell: {},
  }
})
vi.mock('electron-store', () => ({ default: vi.fn() }))

const { electronClipboard } = await import('../../../electron/main/adapters/electron-ports')
const raw = (name: string) => `electron application/osclipboard;format="${name}"`
const realPlatform = process.platform
const onPlatform = (platform: string) =>
  Object.defineProperty(process, 'platform', { value: platform, configurable: true })

afterEach(() => {
  onPlatform(realPlatform)
  electron.writes.length = 0
})

/** The one write's one ClipboardItem, its byte payloads as arrays for comparison. */
async function written(): Promise<Record<string, unknown>> {
  expect(electron.writes).toHaveLength(1)
  expect(electron.writes[0]).toHaveLength(1)
  const entries: Record<string, unknown> = {}
  for (const [type, value] of Object.entries(electron.writes[0]![0]!.items)) {
    entries[type] = value instanceof Blob ? [...new Uint8Array(await value.arrayBuffer())] : value
  }
  return entries
}

describe('clipboard adapter (Electron)', () => {
  it('macOS: the text and the concealed marker in one atomic write', async () => {
    onPlatform('darwin')
    await electronClipboard.writeSecret('tok-mac')
    expect(await written()).toEqual({
      'text/plain': 'tok-mac',
      [raw('org.nspasteboard.ConcealedType')]: '',
    })
  })

  it('Windows: excluded from monitors, history (DWORD 0) and cloud clipboard (DWORD 0)', async () => {
    onPlatform('win32')
    await electronClipboard.writeSecret('tok-win')
    expect(await written()).toEqual({
      'text/plain': 'tok-win',
      [raw('ExcludeClipboardContentFromMonitorProcessing')]: '',
      [raw('CanIncludeInClipboardHistory')]: [0, 0, 0, 0],
      [raw('CanUploadToCloudClipboard')]: [0, 0, 0, 0],
    })
  })

  it('Linux: the KDE password manager hint', async () => {
    onPlatform('linux')
    await electronClipboard.writeSecret('tok-linux')
    expect(await written()).toEqual({
      'text/plain': 'tok-linux',
      [raw('x-kde-passwordManagerHint')]: 'secret',
    })
  })
})
