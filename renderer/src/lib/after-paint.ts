/**
 * Runs `work` in a task after the next frame has been painted (a frame callback, then a task):
 * for work that must not delay what the user is about to see. Returns a cancel function.
 * A hidden window paints no frames, so `work` waits until it is shown.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer = 0
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(work, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    window.clearTimeout(timer)
  }
}
