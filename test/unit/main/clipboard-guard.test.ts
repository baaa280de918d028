import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createClipboardGuard } from '../../../electron/main/platform/clipboard-guard'
import {
  clipboardPlatform,
  rawFormat,
  secretClipboardEntries,
} from '../../../electron/main/platform/clipboard-markers'
import { createFileLogger } from '../../../electron/main/platform/logger'
import type { ClipboardCleared } from '../../../shared/credentials'
import { createManualScheduler } from '../../support/manual-scheduler'
import { createMemoryClipboard } from '../../support/memory-clipboard'
import { makeTempDir } from '../../support/temp-dir'

function setup(clearAfterMs = 30_000) {
  const time = createManualScheduler()
  const clipboard = createMemoryClipboard('darwin')
  const cleared: ClipboardCleared[] = []
  const logFile = join(makeTempDir(), 'main.log')
  const guard = createClipboardGuard({
    clipboard,
    scheduler: time.scheduler,
    clock: time.clock,
    logger: createFileLogger({ file: logFile }),
    clearAfterMs: () => clearAfterMs,
    onCleared: (event) => cleared.push(event),
  })
  return { time, clipboard, cleared, guard, logFile }
}

describe('clipboard guard', () => {
  it('clears a copied secret after the delay, not before', async () => {
    const { time, clipboard, cleared, guard } = setup(30_000)
    const { clearsAt } = await guard.copySecret('tok-123', 'Auth Token of MA_1')
    expect(clearsAt).toBe(new Date(time.clock.now() + 30_000).toISOString())
    expect(clipboard.current()).toBe('tok-123')
    await time.advance(29_999)
    expect(clipboard.current()).toBe('tok-123')
    expect(cleared).toEqual([])
    await time.advance(1)
    expect(clipboard.current()).toBe('')
    expect(cleared).toEqual([{ reason: 'timer', cleared: true, label: 'Auth Token of MA_1' }])
    expect(guard.pending()).toBe(false)
  })

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { time, clipboard, cleared, guard } = setup(10_000)
    await guard.copySecret('tok-123', 'Auth Token of MA_1')
    await clipboard.writeText('my own note')
    await time.advance(10_000)
    expect(clipboard.current()).toBe('my own note')
    expect(cleared).toEqual([{ reason: 'timer', cleared: false, label: 'Auth Token of MA_1' }])
  })

  it('clears at sign-out and at quit, if the secret is still there', async () => {
    const { time, clipboard, cleared, guard } = setup()
    await guard.copySecret('tok-1', 'a')
    await guard.clearNow('signOut')
    expect(clipboard.current()).toBe('')
    await guard.copySecret('tok-2', 'b')
    await guard.clearNow('quit')
    expect(clipboard.current()).toBe('')
    expect(cleared.map((e) => [e.reason, e.cleared])).toEqual([
      ['signOut', true],
      ['quit', true],
    ])
    // Nothing guarded: nothing to do, and the old timers are gone.
    await guard.clearNow('quit')
    expect(time.pending()).toEqual([])
    expect(cleared).toHaveLength(2)
  })

  it('guards only the latest secret: a new copy restarts the delay', async () => {
    const { time, clipboard, cleared, guard } = setup(10_000)
    await guard.copySecret('tok-1', 'first')
    await time.advance(8_000)
    await guard.copySecret('tok-2', 'second')
    await time.advance(8_000)
    expect(clipboard.current()).toBe('tok-2')
    await time.advance(2_000)
    expect(clipboard.current()).toBe('')
    expect(cleared).toEqual([{ reason: 'timer', cleared: true, label: 'second' }])
  })

  it('writes secrets with the concealed marker and logs neither the secret nor its digest', async () => {
    const { clipboard, guard, logFile, time } = setup(1_000)
    await guard.copySecret('tok-very-secret', 'Auth Token of MA_1')
    expect(Object.keys(clipboard.formats())).toEqual([rawFormat('org.nspasteboard.ConcealedType')])
    await time.advance(1_000)
    const log = readFileSync(logFile, 'utf8')
    expect(log).toContain('clipboard guard done')
    expect(log).not.toContain('tok-very-secret')
    expect(log).not.toContain(createHash('sha256').update('tok-very-secret').digest('hex'))
  })
})

describe('clipboard markers', () => {
  const raw = (name: string) => `electron application/osclipboard;format="${name}"`

  it('macOS: the nspasteboard concealed type', () => {
    expect(secretClipboardEntries('s3cret', 'darwin')).toEqual({
      'text/plain': 's3cret',
      [raw('org.nspasteboard.ConcealedType')]: '',
    })
  })

  it('Windows: excluded from monitors, clipboard history and cloud clipboard', () => {
    const entries = secretClipboardEntries('s3cret', 'win32')
    expect(Object.keys(entries).sort()).toEqual(
      [
        'text/plain',
        raw('ExcludeClipboardContentFromMonitorProcessing'),
        raw('CanIncludeInClipboardHistory'),
        raw('CanUploadToCloudClipboard'),
      ].sort(),
    )
    // The two Can… formats are DWORD 0.
    expect(entries[raw('CanIncludeInClipboardHistory')]).toEqual(new Uint8Array(4))
    expect(entries[raw('CanUploadToCloudClipboard')]).toEqual(new Uint8Array(4))
  })

  it('Linux: the KDE password manager hint', () => {
    expect(secretClipboardEntries('s3cret', 'linux')).toEqual({
      'text/plain': 's3cret',
      [raw('x-kde-passwordManagerHint')]: 'secret',
    })
  })

  it('maps Node platforms to a branch (BSDs as Linux)', () => {
    expect(['darwin', 'win32', 'linux', 'freebsd', 'openbsd'].map(clipboardPlatform)).toEqual([
      'darwin',
      'win32',
      'linux',
      'linux',
      'linux',
    ])
  })
})
