import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type Logger = {
  debug(message: string, context?: Record<string, unknown>): void
  info(message: string, context?: Record<string, unknown>): void
  warn(message: string, context?: Record<string, unknown>): void
  error(message: string, context?: Record<string, unknown>): void
  /** Registers a secret value so it is masked wherever it appears, even inside free text. */
  addSecret(secret: string): void
}

const SECRET_KEYS = /token|password|secret|authorization|x-auth-token|cookie/i
const REDACTED = '[redacted]'
const INLINE_PATTERNS: RegExp[] = [
  /(x-auth-token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  /(authorization["']?\s*[:=]\s*["']?)(?:bearer\s+|basic\s+)?[^\s"',}]+/gi,
  /((?:auth_token|password|access_token|refresh_token)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
]

/** Masks known secrets and secret-looking keys and patterns; used on every line before writing. */
export function createRedactor(): {
  addSecret(secret: string): void
  redact(value: unknown): unknown
} {
  const secrets = new Set<string>()
  const redactText = (text: string): string => {
    let out = text
    for (const secret of secrets) out = out.split(secret).join(REDACTED)
    for (const pattern of INLINE_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`)
    return out
  }
  const redact = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return redactText(value)
    if (value instanceof Error) return { name: value.name, message: redactText(value.message) }
    if (depth > 6 || value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET_KEYS.test(key) ? REDACTED : redact(item, depth + 1),
      ]),
    )
  }
  return {
    addSecret: (secret) => {
      if (secret.length >= 4) secrets.add(secret)
    },
    redact,
  }
}

/** A JSON-lines file logger that redacts before anything reaches the disk or the console. */
export function createFileLogger(options: {
  file: string
  level?: LogLevel
  clock?: () => number
  echo?: (line: string) => void
}): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error']
  const minimum = order.indexOf(options.level ?? 'info')
  const redactor = createRedactor()
  mkdirSync(dirname(options.file), { recursive: true })
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>) => {
    if (order.indexOf(level) < minimum) return
    const entry = {
      time: new Date(options.clock?.() ?? Date.now()).toISOString(),
      level,
      message: redactor.redact(message),
      ...(context ? { context: redactor.redact(context) } : {}),
    }
    const line = JSON.stringify(entry)
    try {
      appendFileSync(options.file, line + '\n', { mode: 0o600 })
    } catch {
      // A full disk or a locked log must never take the app down.
    }
    options.echo?.(line)
  }
  return {
    debug: (m, c) => write('debug', m, c),
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
    addSecret: redactor.addSecret,
  }
}
