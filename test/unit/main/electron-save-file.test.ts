import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { makeTempDir } from '../../support/temp-dir'

// Only `electron` (and electron-store, which needs it) are mocked: they cannot load outside Electron.
const electron = vi.hoisted(() => ({
  downloads: '',
  answer: { canceled: true, filePath: '' } as { canceled: boolean; filePath?: string },
  calls: [] as unknown[][],
}))
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'downloads' ? electron.downloads : '/nowhere') },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      electron.calls.push(args)
      return electron.answer
    },
  },
  clipboard: {},
  safeStorage: {},
  session: {},
  shell: {},
}))
vi.mock('electron-store', () => ({ default: vi.fn() }))

const { createSaveFile } = await import('../../../electron/main/adapters/electron-ports')

describe('save-file adapter (Electron)', () => {
  beforeEach(() => {
    electron.downloads = makeTempDir()
    electron.calls.length = 0
  })

  it('asks where to save, in Downloads by default, attached to the window', async () => {
    const window = { id: 1 }
    electron.answer = { canceled: true }
    const save = createSaveFile(() => window as never)
    expect(await save('customers-x.csv', 'a,b\r\n', 'Export customers')).toEqual({
      saved: false,
      fileName: null,
    })
    const [owner, options] = electron.calls[0]!
    expect(owner).toBe(window)
    expect(options).toMatchObject({
      title: 'Export customers',
      defaultPath: join(electron.downloads, 'customers-x.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })
  })

  it('writes the file where the user chose and answers with its name', async () => {
    const target = join(makeTempDir(), 'my export.csv')
    electron.answer = { canceled: false, filePath: target }
    const save = createSaveFile(() => null)
    expect(
      await save('transactions-x.csv', '\uFEFFName\r\nZoë\r\n', 'Export transactions'),
    ).toEqual({
      saved: true,
      fileName: 'my export.csv',
    })
    expect(electron.calls[0]).toHaveLength(1) // no window: an app-modal dialog
    expect(electron.calls[0]![0]).toMatchObject({ title: 'Export transactions' })
    expect(readFileSync(target, 'utf8')).toBe('\uFEFFName\r\nZoë\r\n')
  })
})
