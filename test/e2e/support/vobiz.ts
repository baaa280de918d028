import type { RunningSandbox } from '../../../electron/sandbox'

/** A GET on Vobiz (the sandbox) with the partner's credentials: a test's truth. */
export async function vobiz<T>(api: RunningSandbox, path: string): Promise<T> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    headers: { 'X-Auth-ID': api.credentials.authId, 'X-Auth-Token': api.credentials.authToken },
  })
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`)
  return (await response.json()) as T
}
