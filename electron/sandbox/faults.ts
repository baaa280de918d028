import { z } from 'zod'

export const FAULT_STATUSES = [401, 500, 502, 503] as const
export type FaultStatus = (typeof FAULT_STATUSES)[number]

export type FaultKind = 'latency' | 'status' | 'rate_limit' | 'malformed' | 'drop' | 'hang'

/**
 * One fault-injection rule. It matches a partner API request by method and a substring of the
 * path (no query), and applies to the next `times` matching requests (omitted = forever).
 */
export type FaultRule = {
  kind: FaultKind
  times?: number
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path?: string
  /** For `status` (default 500). */
  /** A revoked token (401) or a server failure; default 500. */
  status?: FaultStatus
  /** For `rate_limit`: the Retry-After header in seconds (default 1). */
  retryAfterSeconds?: number
  /** For `latency` (default 1000). */
  ms?: number
  /** For `drop`: `after` applies the request first (default `before`). */
  when?: 'before' | 'after'
}

export const faultRuleSchema = z
  .strictObject({
    kind: z.enum(['latency', 'status', 'rate_limit', 'malformed', 'drop', 'hang']),
    times: z.number().int().min(0).optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
    path: z.string().max(500).optional(),
    status: z.union(FAULT_STATUSES.map((status) => z.literal(status))).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    ms: z.number().int().min(0).max(300_000).optional(),
    when: z.enum(['before', 'after']).optional(),
  })
  .refine((rule) => rule.status === undefined || rule.kind === 'status', {
    message: '`status` only goes with kind "status"',
    path: ['status'],
  }) satisfies z.ZodType<FaultRule>

export const faultListSchema = z.strictObject({ faults: z.array(faultRuleSchema).max(100) })

/** What to do to one request: wait `delayMs`, then the terminal fault if any (else serve it). */
export type FaultDecision = {
  delayMs: number
  action:
    | { kind: 'status'; status: FaultStatus }
    | { kind: 'rate_limit'; retryAfterSeconds: number }
    | { kind: 'malformed' }
    | { kind: 'drop'; when: 'before' | 'after' }
    | { kind: 'hang' }
    | null
}

export type FaultPlan = {
  set(rules: readonly FaultRule[]): void
  /** The rules still in force, each `times` showing what is left. */
  list(): FaultRule[]
  /** Consumes one use of every rule applied: all matching latency rules, then the first other. */
  decide(method: string, path: string): FaultDecision
}

/** Throws a TypeError naming the bad rule when a rule is malformed. */
export function parseFaultRules(rules: unknown): FaultRule[] {
  const parsed = z.array(faultRuleSchema).safeParse(rules)
  if (!parsed.success) throw new TypeError(`Invalid fault rules: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

export function createFaultPlan(initial: readonly FaultRule[] = []): FaultPlan {
  let rules: FaultRule[] = []
  const set = (next: readonly FaultRule[]): void => {
    rules = parseFaultRules(next).map((rule) => ({ ...rule }))
  }
  set(initial)

  const matches = (rule: FaultRule, method: string, path: string): boolean =>
    (rule.times === undefined || rule.times > 0) &&
    (rule.method === undefined || rule.method === method) &&
    (rule.path === undefined || path.includes(rule.path))

  const use = (rule: FaultRule): void => {
    if (rule.times !== undefined) rule.times -= 1
  }

  return {
    set,
    list: () =>
      rules.filter((rule) => rule.times === undefined || rule.times > 0).map((r) => ({ ...r })),
    decide(method, path) {
      let delayMs = 0
      let action: FaultDecision['action'] = null
      for (const rule of rules) {
        if (!matches(rule, method, path)) continue
        if (rule.kind === 'latency') {
          delayMs += rule.ms ?? 1000
          use(rule)
          continue
        }
        if (action) continue
        use(rule)
        switch (rule.kind) {
          case 'status':
            action = { kind: 'status', status: rule.status ?? 500 }
            break
          case 'rate_limit':
            action = { kind: 'rate_limit', retryAfterSeconds: rule.retryAfterSeconds ?? 1 }
            break
          case 'drop':
            action = { kind: 'drop', when: rule.when ?? 'before' }
            break
          case 'malformed':
          case 'hang':
            action = { kind: rule.kind }
            break
        }
      }
      return { delayMs, action }
    },
  }
}

/**
 * Parses the CLI's `--fault <kind>[:<param>][:<times>][:<path>]`; param is the status (status),
 * Retry-After seconds (rate_limit), ms (latency) or before|after (drop). Throws when it makes no
 * sense.
 */
export function parseFaultSpec(spec: string): FaultRule {
  const [kind = '', param = '', times = '', ...rest] = spec.split(':')
  const path = rest.join(':')
  const rule: Record<string, unknown> = { kind }
  const int = (text: string, what: string): number => {
    if (!/^\d+$/.test(text)) throw new Error(`--fault ${spec}: ${what} must be a whole number`)
    return Number(text)
  }
  if (param) {
    switch (kind) {
      case 'status':
        rule.status = int(param, 'the status')
        break
      case 'rate_limit':
        rule.retryAfterSeconds = int(param, 'Retry-After')
        break
      case 'latency':
        rule.ms = int(param, 'the delay')
        break
      case 'drop':
        rule.when = param
        break
      default:
        throw new Error(`--fault ${spec}: ${kind} takes no parameter (use ${kind}::<times>)`)
    }
  }
  if (times) rule.times = int(times, 'times')
  if (path) rule.path = path
  const [parsed] = parseFaultRules([rule])
  if (!parsed) throw new Error(`--fault ${spec}: not a fault`)
  return parsed
}
