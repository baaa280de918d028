import type { RunningSandbox } from '../../electron/sandbox'

/** Direct calls to a sandbox's Partner API, independent of the app's client: the tests' truth. */
export function sandboxApi(api: RunningSandbox) {
  const headers = {
    'X-Auth-ID': api.credentials.authId,
    'X-Auth-Token': api.credentials.authToken,
    Accept: 'application/json',
  }
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(new URL(path, api.baseUrl), { headers })
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`)
    return (await response.json()) as T
  }
  type Page = { accounts: { auth_id: string; auth_token: string }[]; total: number }

  return {
    /** Every customer's auth id, as the sandbox lists them now (call with no faults set). */
    async authIds(): Promise<string[]> {
      const ids: string[] = []
      for (let page = 1; ; page++) {
        const reply = await get<Page>(`/api/v1/partner/accounts?page=${page}&per_page=100`)
        ids.push(...reply.accounts.map((a) => a.auth_id))
        if (reply.accounts.length === 0 || ids.length >= reply.total) return ids
      }
    },
    /** GET /accounts/{auth_id}, as the API answers it. */
    account: (authId: string) =>
      get<{ auth_id: string; name: string; email: string }>(`/api/v1/partner/accounts/${authId}`),
    /** A customer's auth_token, as GET /accounts/{auth_id} reveals it. */
    async token(authId: string): Promise<string> {
      return (await get<{ auth_token: string }>(`/api/v1/partner/accounts/${authId}`)).auth_token
    },
    /** Creates a customer (POST /accounts); returns its auth id. */
    async create(fields: Record<string, string> = {}): Promise<string> {
      const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
      const response = await fetch(new URL('/api/v1/partner/accounts', api.baseUrl), {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: `New Customer ${unique}`,
          email: `new.${unique}@example.com`,
          password: 'Str0ng!pass',
          country: 'IN',
          ...fields,
        }),
      })
      if (response.status !== 201)
        throw new Error(`create: ${response.status} ${await response.text()}`)
      return ((await response.json()) as { auth_id: string }).auth_id
    },
  }
}
