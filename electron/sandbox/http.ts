import type { IncomingMessage, ServerResponse } from 'node:http'

/** Largest request body accepted (64 KiB); a larger one gets 413. */
export const BODY_LIMIT_BYTES = 64 * 1024
/** Past this, an oversized body is not even drained: the socket is cut. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024

/** What a handler answers; the server decides whether it is sent, garbled or dropped. */
export type Reply = { status: number; body: unknown; headers?: Record<string, string> }

export const reply = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers ? { status, body, headers } : { status, body }

export const errorReply = (
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Reply => reply(status, { error, message, ...extra }, headers)

/** The Partner API's error body (more-endpoints.md, quirks). */
export const httpErrorReply = (status: number, message: string): Reply =>
  reply(status, { error: 'HTTPError', message, status_code: status })

export function writeReply(res: ServerResponse, { status, body, headers }: Reply): void {
  writeRaw(res, status, JSON.stringify(body), headers)
}

export function writeRaw(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  res.end(text)
}

export type BodyResult = { ok: true; text: string } | { ok: false; reply: Reply }

const TOO_LARGE = errorReply(
  413,
  'payload_too_large',
  `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KiB.`,
)

/** Reads the whole body as UTF-8, up to BODY_LIMIT_BYTES (more → a 413 reply). */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
    req.socket.destroy()
    return Promise.resolve({ ok: false, reply: TOO_LARGE })
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk)
      else if (size > DRAIN_LIMIT_BYTES) req.socket.destroy()
    })
    req.on('end', () => {
      resolve(
        size > BODY_LIMIT_BYTES
          ? { ok: false, reply: TOO_LARGE }
          : { ok: true, text: Buffer.concat(chunks).toString('utf8') },
      )
    })
    req.on('error', reject)
    // A client gone (or cut off) mid-body: nothing will be sent, but the caller must not hang.
    req.on('close', () => {
      if (!req.complete) resolve({ ok: false, reply: TOO_LARGE })
    })
  })
}

/** JSON.parse that says what went wrong instead of throwing (400 for the caller). */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; reply: Reply } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return {
      ok: false,
      reply: errorReply(400, 'bad_request', 'The request body is not valid JSON.'),
    }
  }
}
