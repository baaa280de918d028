/**
 * A `fetch` for the app harness that passes every request on to the real API (the sandbox) and
 * lets a test see the requests and change a JSON reply: a Vobiz that answers a documented reading
 * the sandbox does not choose (a /me with `currency`, a ledger row with the reference in
 * `reference`, a dashboard without `currency`).
 */
export type SeenRequest = { method: string; path: string; body: unknown }

export type RewritingFetch = typeof fetch & { readonly seen: SeenRequest[] }

export function rewritingFetch(
  rewrite: (request: SeenRequest, body: unknown) => unknown = (_request, body) => body,
): RewritingFetch {
  const seen: SeenRequest[] = []
  const wrapped = async (...[input, init]: Parameters<typeof fetch>): Promise<Response> => {
    const request = new Request(input, init)
    const text = request.method === 'GET' ? '' : await request.clone().text()
    const entry: SeenRequest = {
      method: request.method,
      path: new URL(request.url).pathname,
      body: text ? (JSON.parse(text) as unknown) : null,
    }
    seen.push(entry)
    const response = await fetch(request)
    if (!response.ok) return response
    const changed = rewrite(entry, (await response.json()) as unknown)
    return new Response(JSON.stringify(changed), {
      status: response.status,
      headers: { 'Content-Type': 'application/json' },
    })
  }
  return Object.assign(wrapped, { seen }) as RewritingFetch
}

export const withoutKey = (value: unknown, key: string): unknown => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  const { [key]: _dropped, ...rest } = value as Record<string, unknown>
  return rest
}
