import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { appErrorSchema } from '../../../shared/app-error'
import { channels, type Channel } from '../../../shared/ipc-contract'
import { createManualScheduler } from '../../support/manual-scheduler'
import { signInTo, syncNow } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir, readAllFiles } from '../../support/temp-dir'

/*
 * Every channel of the contract, through the real dispatch and handler table (real conf store on
 * disk, AES-GCM safe storage, a signed-in profile with its cache): hundreds of payloads the
 * channel's schema refuses. Each must be answered with a validation error, nothing may throw,
 * nothing on disk may change, and Object.prototype must stay clean.
 */
const RUNS = 250
const suite = sandboxSuite({ customers: 15, seed: 8 })

/** The keys a channel's request object knows (zod 4: `shape`), to build near-miss payloads. */
function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape
  return shape && typeof shape === 'object' ? Object.keys(shape) : []
}

function cyclic(): unknown {
  const a: Record<string, unknown> = { text: 'x' }
  a['self'] = a
  return a
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
}

/** Values JSON cannot carry, or that trip careless code. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    Number.NaN,
    Infinity,
    -0,
    () => 'fn',
    Symbol('s'),
    10n ** 30n,
    new Date(Number.NaN),
    new Date(0),
    new Map([['k', 'v']]),
    new Set([1]),
    new Uint8Array([1, 2]),
    /regex/,
    Promise.resolve('p'),
    new Error('e'),
    Object.create(null) as unknown,
  ),
  fc.constant(null).map(cyclic),
  fc.integer({ min: 50, max: 3000 }).map((depth) => nested(depth, 'leaf')),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
)

const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '')

/** An own `__proto__` / `constructor` key, as JSON.parse or a hostile sender would make it. */
const withOwnKey = (base: Record<string, unknown>, key: string, value: unknown) => {
  const object = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  })
  return object
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const keys = keysOf(channels[channel].request)
  const fields = keys.length > 0 ? fc.subarray(keys) : fc.constant<string[]>([])
  // The channel's own keys with wrong values, some missing, plus extra or dangerous keys.
  const nearMiss = fc
    .tuple(
      fields,
      fc.array(oddValue, { minLength: keys.length, maxLength: keys.length }),
      fc.dictionary(fc.oneof(fc.string(), dangerousKey), oddValue, { maxKeys: 3 }),
    )
    .map(([present, values, extra]) => {
      const object: Record<string, unknown> = {}
      present.forEach((key, i) => (object[key] = values[i]))
      return Object.assign(object, extra)
    })
  const ownDangerous = fc
    .tuple(dangerousKey, fc.oneof(oddValue, fc.constant({ polluted: 'yes' })))
    .map(([key, value]) => withOwnKey({}, key, value))
  return fc.oneof(oddValue, nearMiss, ownDangerous, fc.array(oddValue, { maxLength: 4 }))
}

/** The schema refuses it (a schema that throws on it counts as refusing: dispatch must cope). */
function refused(channel: Channel, payload: unknown): boolean {
  try {
    return !channels[channel].request.safeParse(payload ?? {}).success
  } catch {
    return true
  }
}

function hashFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    readAllFiles(dir).map(({ path, content }) => [
      path,
      createHash('sha256').update(content).digest('hex'),
    ]),
  )
}

const validationReply = z
  .object({ ok: z.literal(false), error: appErrorSchema })
  .refine((reply) => reply.error.kind === 'validation')

describe('IPC fuzz: malformed payloads on every channel', () => {
  it('each is a validation error; nothing throws, nothing on disk changes', async () => {
    const { scheduler, clock } = createManualScheduler(Date.now())
    const dir = makeTempDir()
    const app = suite.open(dir, { scheduler, clock })
    await signInTo(app, suite.api)
    expect((await syncNow(app)).state).toBe('idle')
    const before = hashFiles(dir)
    expect(Object.keys(before).length).toBeGreaterThan(2)

    const names = Object.keys(channels) as Channel[]
    const tried: Record<string, number> = {}
    for (const channel of names) {
      tried[channel] = 0
      await fc.assert(
        fc.asyncProperty(
          payloads(channel).filter((payload) => refused(channel, payload)),
          async (payload) => {
            tried[channel]! += 1
            const reply = await app.invoke(channel, payload)
            const checked = validationReply.safeParse(reply)
            if (!checked.success) throw new Error(`${channel}: ${JSON.stringify(reply)}`)
          },
        ),
        { numRuns: RUNS, seed: 16 },
      )
    }
    // An unknown channel, and known ones named oddly, are refused the same way.
    for (const channel of ['nope', '__proto__', 'constructor', 'session:get ', 42, null]) {
      expect(validationReply.safeParse(await app.invoke(channel, {})).success).toBe(true)
    }

    expect(Object.values(tried).every((n) => n === RUNS)).toBe(true)
    expect(hashFiles(dir)).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  }, 120_000)
})
