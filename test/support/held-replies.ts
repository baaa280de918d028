/**
 * A fetch port (Node's fetch) that holds back the replies to the requests `holds` picks: each such
 * request reaches the API at once, and its whole reply is read, but the app gets it only after
 * `release()`; aborting the request meanwhile ends it as fetch does. Lets a test put something (a
 * sign-out) between a request and its reply without timing either.
 */
export function heldReplies(holds: (method: string, path: string) => boolean) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let sent = () => {}
  const requested = new Promise<void>((resolve) => (sent = resolve))

  const held: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    if (!holds(request.method, new URL(request.url).pathname)) return fetch(request)
    sent()
    const reply = await fetch(new Request(request, { signal: null }))
    const body = await reply.arrayBuffer()
    const { signal } = request
    await new Promise<void>((resolve, reject) => {
      const abort = () => reject(signal.reason as Error)
      if (signal.aborted) abort()
      signal.addEventListener('abort', abort, { once: true })
      void released.then(resolve)
    })
    return new Response(body, { status: reply.status, headers: reply.headers })
  }
  return {
    fetch: held,
    /** Resolves once a held request has gone out. */
    requested,
    release,
  }
}
