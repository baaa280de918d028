import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { moneyToDecimalString, parseMoney } from '../../shared/money'
import { docBody } from './doc-fixtures'
import {
  createDocsSubAccounts,
  httpError,
  invalid,
  pick,
  type Json,
  type Reply,
} from './docs-api-parts'

/**
 * A Vobiz API that answers only with the documented shapes: every reply is a doc fixture
 * (test/fixtures/vobiz-docs) with its values changed, never a key added. Independent of
 * electron/sandbox, so the app can be tried against the docs rather than against its own sandbox.
 */
export type DocsApi = {
  baseUrl: string
  credentials: { authId: string; authToken: string }
  /** Every request as `METHOD /path?query`. */
  requests: string[]
  close(): Promise<void>
}

type Row = { category: string; json: Json }

const money = (units: bigint) => moneyToDecimalString({ units })
const NAMES = ['Asha Rao', 'Bilal Khan', 'Chen Wei', 'Dara Singh', 'Elena Costa', 'Farah Ali']

export async function startDocsApi(options: { customers?: number } = {}): Promise<DocsApi> {
  const partner = docBody('partner-me.page')
  const authToken = `docs-${randomBytes(12).toString('hex')}`
  let partnerUnits = parseMoney(partner['balance'] as string)!.units
  const template = (docBody('accounts-list.openapi')['accounts'] as Json[])[0]!
  const customers: Json[] = (docBody('accounts-list.openapi')['accounts'] as Json[]).map((a) => ({
    ...a,
    auth_token: `tok-${randomBytes(10).toString('hex')}`,
  }))
  for (let i = 0; i < (options.customers ?? 30); i++) {
    const name = `${NAMES[i % NAMES.length]} ${i + 1}`
    customers.push({
      ...template,
      name,
      company: `${name.split(' ')[1]} Traders`,
      email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
      id: String(500100 + i),
      auth_id: `MA_D${String(i).padStart(7, '0')}`,
      cash_credits: money(BigInt(1000 + i * 137) * 100000n + 12345n),
      auth_token: `tok-${randomBytes(10).toString('hex')}`,
      created_at: new Date(Date.UTC(2026, 2, 1 + i)).toISOString(),
    })
  }
  const subAccounts = createDocsSubAccounts()
  const ledger: Row[] = []
  const requests: string[] = []
  const byAuthId = (authId: string) => customers.find((c) => c['auth_id'] === authId)

  const account = (c: Json) => {
    const shape = docBody('account-get')
    return {
      ...pick(c, shape),
      pricing_tier: pick(c['pricing_tier'] as Json, shape['pricing_tier'] as Json),
    }
  }

  function transactions(query: URLSearchParams, authId: string | null): Reply {
    const page = Number(query.get('page') ?? 1)
    const perPage = Number(query.get('per_page') ?? 20)
    if (perPage > 200) return invalid('per_page', 'per_page must be at most 200')
    const type = query.get('transaction_type')
    const from = query.get('from_date')
    const to = query.get('to_date')
    const account = authId ?? query.get('account')
    const rows = ledger
      .filter(
        (r) =>
          (!account || r.json['account_id'] === account) &&
          (!type || r.category === type) &&
          (!from || String(r.json['created_at']).slice(0, 10) >= from) &&
          (!to || String(r.json['created_at']).slice(0, 10) <= to),
      )
      .reverse()
    const sum = (kind: string) =>
      rows.filter((r) => r.json['type'] === kind).reduce((t, r) => t + Number(r.json['amount']), 0)
    const shape = docBody('transactions-customer')
    return {
      status: 200,
      body: pick(
        {
          transactions: rows.slice((page - 1) * perPage, page * perPage).map((r) => r.json),
          summary: {
            total_transactions: rows.length,
            total_debit: sum('debit'),
            total_credit: sum('credit'),
            net_amount: sum('credit') - sum('debit'),
            by_reference_type: [],
          },
          total: rows.length,
          page,
          per_page: perPage,
          total_pages: Math.ceil(rows.length / perPage),
          account_auth_id: account,
        },
        shape,
      ),
    }
  }

  function transfer(customer: Json, body: Json): Reply {
    const amount = body['amount']
    if (typeof amount !== 'number' || !(amount > 0)) return invalid('amount', 'must be positive')
    const units = parseMoney(amount)!.units
    const refuse = (message: string) => ({
      status: 400,
      body: {
        ...docBody('error-insufficient-balance'),
        message,
        current_balance: Number(money(partnerUnits)),
        requested_amount: amount,
      },
    })
    if (body['currency'] !== 'INR') return refuse('Currency mismatch')
    if (units > partnerUnits) return refuse('Insufficient balance')
    partnerUnits -= units
    const after = parseMoney(customer['cash_credits'] as string)!.units + units
    customer['cash_credits'] = money(after)
    const at = new Date().toISOString()
    const row = { ...(docBody('transactions-customer')['transactions'] as Json[])[0]! }
    Object.assign(row, {
      id: randomUUID(),
      account_id: customer['auth_id'],
      amount,
      description: body['description'] ?? null,
      reference: null,
      processed_at: at,
      created_at: at,
      updated_at: at,
    })
    ledger.push({ category: 'transfer', json: row })
    return {
      status: 200,
      body: {
        ...docBody('transfer-balance'),
        transaction_id: randomUUID(),
        from_account: partner['auth_id'],
        to_account: customer['auth_id'],
        amount,
        description: body['description'] ?? null,
        partner_balance_after: Number(money(partnerUnits)),
        customer_balance_after: Number(money(after)),
        timestamp: at,
      },
    }
  }

  function createCustomer(body: Json): Reply {
    for (const field of ['name', 'email', 'password', 'country']) {
      if (typeof body[field] !== 'string' || !body[field]) return invalid(field, 'Field required')
    }
    if (customers.some((c) => c['email'] === body['email'])) {
      return invalid('email', 'Email already registered')
    }
    const created = {
      ...template,
      ...pick(body, { name: 0, email: 0, phone: 0, company: 0, country: 0, timezone: 0 }),
      id: String(600000 + customers.length),
      auth_id: `MA_N${String(customers.length).padStart(7, '0')}`,
      auth_token: `tok-${randomBytes(10).toString('hex')}`,
      cash_credits: '0.00000',
      created_at: new Date().toISOString(),
    }
    customers.unshift(created)
    return {
      status: 201,
      body: pick(
        { ...created, status: 'active', balance: 0, currency: 'INR' },
        docBody('account-create'),
      ),
    }
  }

  /** Which account a pair of headers belongs to, with its token checked. */
  function caller(req: IncomingMessage): Json | null {
    const id = String(req.headers['x-auth-id'] ?? '')
    const token = String(req.headers['x-auth-token'] ?? '')
    if (id === partner['auth_id'] && token === authToken)
      return { auth_id: id, name: partner['name'] }
    const customer = byAuthId(id)
    if (customer && customer['auth_token'] === token) return customer
    return subAccounts.caller(id, token)
  }

  function route(req: IncomingMessage, url: URL, body: Json): Reply {
    const who = caller(req)
    if (!who) {
      return url.pathname === '/api/v1/auth/me'
        ? { status: 401, body: docBody('error-auth-me') }
        : httpError(401, 'Invalid credentials')
    }
    const method = req.method ?? 'GET'
    const path = url.pathname.replace(/\/$/, '')
    const isPartner = who['auth_id'] === partner['auth_id']
    const sub = /^\/api\/v1\/accounts\/([^/]+)\/sub-accounts(?:\/([^/]+))?$/.exec(path)
    if (sub) {
      if (sub[1] !== who['auth_id']) return httpError(403, 'Not your account')
      return subAccounts.handle(method, sub[1]!, sub[2], body)
    }
    if (path === '/api/v1/auth/me') {
      return {
        status: 200,
        body: {
          ...docBody('account-object'),
          id: who['auth_id'],
          auth_id: who['auth_id'],
          name: who['name'],
        },
      }
    }
    if (!isPartner) return httpError(403, 'Partner credentials required')
    if (path === '/api/v1/partner/me') {
      return {
        status: 200,
        body: { ...partner, balance: money(partnerUnits), account_count: customers.length },
      }
    }
    if (path === '/api/v1/partner/dashboard') {
      return { status: 200, body: { ...docBody('dashboard'), currency: 'INR' } }
    }
    if (path === '/api/v1/partner/transactions') return transactions(url.searchParams, null)
    if (path === '/api/v1/partner/accounts' && method === 'POST') return createCustomer(body)
    if (path === '/api/v1/partner/accounts') {
      const page = Number(url.searchParams.get('page') ?? 1)
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 20))
      const accounts = customers.slice((page - 1) * perPage, page * perPage)
      return { status: 200, body: { accounts, total: customers.length, page, size: perPage } }
    }
    const one = /^\/api\/v1\/partner\/accounts\/([^/]+)(?:\/([a-z-]+))?$/.exec(path)
    const customer = one ? byAuthId(one[1]!) : undefined
    if (!one || !customer) return httpError(404, 'Account not found')
    if (!one[2]) return { status: 200, body: account(customer) }
    if (one[2] === 'balance') {
      return {
        status: 200,
        body: pick(
          { ...customer, currency: 'INR', updated_at: new Date().toISOString() },
          docBody('account-balance'),
        ),
      }
    }
    if (one[2] === 'transfer-balance' && method === 'POST') return transfer(customer, body)
    if (one[2] === 'transactions') return transactions(url.searchParams, one[1]!)
    return httpError(404, 'Not found')
  }

  const server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk.toString()))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://docs')
      requests.push(`${req.method} ${url.pathname}${url.search}`)
      let body: Json = {}
      try {
        body = text ? (JSON.parse(text) as Json) : {}
      } catch {
        body = {}
      }
      const { status, body: json } = route(req, url, body)
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(json === undefined ? '' : JSON.stringify(json))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    credentials: { authId: String(partner['auth_id']), authToken },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
