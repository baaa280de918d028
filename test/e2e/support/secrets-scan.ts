import { lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * The after-run secrets scan of the end-to-end tests: no partner or customer token of the
 * sandboxes the run used may be in a plain file of a user-data folder, a log, an export or a
 * dump of the renderer's storage. Ciphertext (AES-GCM) cannot match; the token's text, its
 * UTF-16 form, its base64 / base64url forms at any byte alignment and its %-encoded form can.
 */

export type Secret = { label: string; value: string }
export type Leak = { file: string; label: string; form: string }

/** Secrets shorter than this are not scanned for (they would match by chance). */
const MIN_LENGTH = 8

/** The base64 text of `bytes` at byte offset 0, 1 and 2 of a longer buffer (the stable part). */
function base64Forms(bytes: Buffer, url: boolean): string[] {
  const forms: string[] = []
  for (const shift of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes])
    const encoded = padded.toString(url ? 'base64url' : 'base64')
    // Characters that also depend on the bytes before or after the secret are dropped.
    const stableEnd = Math.floor(padded.length / 3) * 4
    const stableStart = Math.ceil((shift * 4) / 3)
    forms.push(encoded.slice(stableStart, stableEnd))
  }
  return forms
}

/** Every byte pattern that would show the secret in a file. */
export function secretForms(value: string): { form: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(value, 'utf8')
  const forms: { form: string; bytes: Buffer }[] = [
    { form: 'text', bytes: utf8 },
    { form: 'utf-16', bytes: Buffer.from(value, 'utf16le') },
    ...base64Forms(utf8, false).map((text) => ({ form: 'base64', bytes: Buffer.from(text) })),
    ...base64Forms(utf8, true).map((text) => ({ form: 'base64url', bytes: Buffer.from(text) })),
  ]
  const encoded = encodeURIComponent(value)
  if (encoded !== value) forms.push({ form: '%-encoded', bytes: Buffer.from(encoded) })
  // Fragments shorter than the minimum (a short secret's base64 at a shift) match by chance.
  return forms.filter((f) => f.bytes.length >= MIN_LENGTH)
}

function filesUnder(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names.flatMap((name) => {
    const path = join(dir, name)
    const stat = lstatSync(path)
    if (stat.isSymbolicLink()) return []
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : []
  })
}

/** Every (file, secret, form) found under the roots, files named relative to `base`. */
export function scanForSecrets(
  roots: readonly string[],
  secrets: readonly Secret[],
  base = process.cwd(),
): { leaks: Leak[]; files: number; secrets: number } {
  const unique = new Map<string, Secret>()
  for (const secret of secrets) {
    if (secret.value.length >= MIN_LENGTH) unique.set(secret.value, secret)
  }
  const patterns = [...unique.values()].map((secret) => ({
    secret,
    forms: secretForms(secret.value),
  }))
  const leaks: Leak[] = []
  let files = 0
  for (const file of roots.flatMap(filesUnder)) {
    files += 1
    const content = readFileSync(file)
    for (const { secret, forms } of patterns) {
      const hit = forms.find(({ bytes }) => content.includes(bytes))
      if (hit) leaks.push({ file: relative(base, file), label: secret.label, form: hit.form })
    }
  }
  return { leaks, files, secrets: unique.size }
}

/** Writes one manifest of secrets a test sandbox used (a file per sandbox, in `dir`). */
export function recordSecrets(dir: string, name: string, secrets: readonly Secret[]): void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name.replace(/[^\w.-]/g, '_')}-${process.pid}-${Date.now()}.json`)
  writeFileSync(file, JSON.stringify(secrets))
}

/** Every secret recorded in `dir` by recordSecrets. */
export function readRecordedSecrets(dir: string): Secret[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Secret[])
}

/**
 * The partner token and every customer's token (with created ones) of a running sandbox, read
 * from its own API: GET /api/v1/partner/accounts carries `auth_token` for each customer.
 */
export async function sandboxSecrets(
  baseUrl: string,
  credentials: { authId: string; authToken: string },
): Promise<Secret[]> {
  const secrets: Secret[] = [{ label: 'partner token', value: credentials.authToken }]
  const headers = { 'X-Auth-ID': credentials.authId, 'X-Auth-Token': credentials.authToken }
  for (let page = 1; page <= 2000; page++) {
    const response = await fetch(`${baseUrl}/api/v1/partner/accounts?page=${page}&per_page=100`, {
      headers,
    })
    if (!response.ok) break
    const body = (await response.json()) as {
      accounts?: { auth_id?: string; auth_token?: string }[]
      total?: number
    }
    const accounts = body.accounts ?? []
    for (const account of accounts) {
      if (account.auth_token) {
        secrets.push({ label: `customer ${account.auth_id} token`, value: account.auth_token })
      }
    }
    if (accounts.length < 100) break
  }
  return secrets
}
