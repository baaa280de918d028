/**
 * Where a keystroke's time goes on the renderer's main thread, from a Chromium trace: the total
 * duration of the top-level work of each kind (events nested in another counted event are not
 * counted again), divided by the number of keystrokes.
 */

type TraceEvent = { name: string; ph: string; dur?: number; ts: number; tid: number; pid: number }

const KINDS: Record<string, string> = {
  EventDispatch: 'input event (JS)',
  FunctionCall: 'script (tasks, timers)',
  'v8.callFunction': 'script (tasks, timers)',
  RunMicrotasks: 'script (microtasks)',
  TimerFire: 'script (tasks, timers)',
  FireAnimationFrame: 'requestAnimationFrame',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  HitTest: 'hit test',
  MinorGC: 'GC (minor)',
  MajorGC: 'GC (major)',
  'V8.GC_SCAVENGER': 'GC (minor)',
  'V8.GC_MARK_COMPACTOR': 'GC (major)',
}

export function traceBreakdown(traceJson: string, keystrokes: number): [string, number][] {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = (Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])).filter(
    (e) => e.ph === 'X' && typeof e.dur === 'number' && KINDS[e.name],
  )
  // The renderer main thread: the thread with the most style/layout work.
  const byThread = new Map<string, number>()
  for (const e of events) {
    if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') {
      const key = `${e.pid}:${e.tid}`
      byThread.set(key, (byThread.get(key) ?? 0) + (e.dur ?? 0))
    }
  }
  const main = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const mine = events
    .filter((e) => `${e.pid}:${e.tid}` === main)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const totals = new Map<string, number>()
  // Style and layout also run inside script (forced by a read): counted apart, nested or not.
  for (const e of mine) {
    if (e.name === 'UpdateLayoutTree' || e.name === 'Layout' || e.name === 'Paint') {
      const kind = `${KINDS[e.name]} (all, also inside script)`
      totals.set(kind, (totals.get(kind) ?? 0) + (e.dur ?? 0))
    }
  }
  let openUntil = -1
  for (const e of mine) {
    if (e.ts < openUntil) continue // nested in a counted event
    openUntil = e.ts + (e.dur ?? 0)
    const kind = KINDS[e.name]!
    totals.set(kind, (totals.get(kind) ?? 0) + (e.dur ?? 0))
  }
  return [...totals.entries()]
    .map(([kind, micros]): [string, number] => [kind, micros / 1000 / Math.max(1, keystrokes)])
    .sort((a, b) => b[1] - a[1])
}

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** The functions with the most self time in a V8 CPU profile (ms per keystroke). */
export function hottestFunctions(profile: CpuProfile, keystrokes: number, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame
    if (!frame) return
    const file = frame.url.split('/').pop() ?? ''
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  return [...self.entries()]
    .map(([name, micros]): [string, number] => [name, micros / 1000 / Math.max(1, keystrokes)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
}
