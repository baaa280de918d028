import { z } from 'zod'

/** Every failure that crosses IPC: a tagged union with a message a person can act on. */
export const appErrorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unauthorized'), message: z.string() }),
  z.object({ kind: z.literal('forbidden'), message: z.string() }),
  z.object({
    kind: z.literal('validation'),
    message: z.string(),
    fields: z.record(z.string(), z.string()),
  }),
  z.object({ kind: z.literal('conflict'), message: z.string() }),
  z.object({ kind: z.literal('not_found'), message: z.string() }),
  z.object({
    kind: z.literal('rate_limited'),
    message: z.string(),
    retryAfterSeconds: z.number().nullable(),
  }),
  z.object({ kind: z.literal('offline'), message: z.string() }),
  z.object({ kind: z.literal('timeout'), message: z.string() }),
  z.object({ kind: z.literal('server'), message: z.string(), status: z.number().nullable() }),
  z.object({ kind: z.literal('unknown_outcome'), message: z.string() }),
  /** The partner token's secure storage (the OS keyring, the vault) failed. */
  z.object({ kind: z.literal('storage'), message: z.string() }),
  /** A file on this computer could not be written or read: an export, the customer cache. */
  z.object({ kind: z.literal('file'), message: z.string() }),
])

export type AppError = z.infer<typeof appErrorSchema>
export type AppErrorKind = AppError['kind']

/** An Error that carries an AppError through service code; the IPC layer unwraps it. */
export class AppFailure extends Error {
  readonly appError: AppError
  constructor(appError: AppError) {
    super(appError.message)
    this.name = 'AppFailure'
    this.appError = appError
  }
}

export const appError = {
  unauthorized: (message: string): AppError => ({ kind: 'unauthorized', message }),
  forbidden: (message: string): AppError => ({ kind: 'forbidden', message }),
  validation: (message: string, fields: Record<string, string> = {}): AppError => ({
    kind: 'validation',
    message,
    fields,
  }),
  conflict: (message: string): AppError => ({ kind: 'conflict', message }),
  notFound: (message: string): AppError => ({ kind: 'not_found', message }),
  rateLimited: (message: string, retryAfterSeconds: number | null): AppError => ({
    kind: 'rate_limited',
    message,
    retryAfterSeconds,
  }),
  offline: (message: string): AppError => ({ kind: 'offline', message }),
  timeout: (message: string): AppError => ({ kind: 'timeout', message }),
  server: (message: string, status: number | null = null): AppError => ({
    kind: 'server',
    message,
    status,
  }),
  unknownOutcome: (message: string): AppError => ({ kind: 'unknown_outcome', message }),
  storage: (message: string): AppError => ({ kind: 'storage', message }),
  file: (message: string): AppError => ({ kind: 'file', message }),
}

export function fail(error: AppError): never {
  throw new AppFailure(error)
}
