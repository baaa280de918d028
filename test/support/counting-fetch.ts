import type { FetchPort } from '../../electron/main/platform/ports'

/** Node's real fetch, counting the requests that actually go out (retries included). */
export function countingFetch(): FetchPort & { calls: string[] } {
  const calls: string[] = []
  const wrapped = ((input: Parameters<FetchPort>[0], init?: Parameters<FetchPort>[1]) => {
    const request = input instanceof Request ? input : new Request(input, init)
    calls.push(`${request.method} ${new URL(request.url).pathname}`)
    return fetch(input, init)
  }) as FetchPort & { calls: string[] }
  wrapped.calls = calls
  return wrapped
}
