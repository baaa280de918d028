import { describe, expect, it } from 'vitest'
import { AppFailure, appError } from '../../../shared/app-error'
import { createSendOnce } from '../../../electron/main/platform/send-once'

const lostReply = () => new AppFailure(appError.unknownOutcome('The reply was lost.'))
const busy = appError.conflict('Busy.')

/** A send-once whose lookups answer from `ledger` (what was applied, by reference). */
function setup(lookUp?: (sent: string, key: string) => Promise<string | null>) {
  const events: string[] = []
  const ledger = new Map<string, string>()
  const sends = createSendOnce<string, string>({
    lookUp:
      lookUp ??
      (async (sent, key) => {
        events.push(`lookUp ${key} ${sent}`)
        return ledger.get(sent) ?? null
      }),
    onLost: (sent, key) => events.push(`lost ${key} ${sent}`),
  })
  return { sends, events, ledger }
}

function deferred() {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  return { released, release }
}

describe('send once', () => {
  it('guards a key while its work runs; other keys run; the key is free again after', async () => {
    const { sends } = setup()
    const hold = deferred()
    const first = sends.exclusive('MA_1', busy, async () => {
      await hold.released
      return 'first'
    })
    await expect(sends.exclusive('MA_1', busy, async () => 'second')).rejects.toMatchObject({
      appError: busy,
    })
    expect(await sends.exclusive('MA_2', busy, async () => 'elsewhere')).toBe('elsewhere')
    hold.release()
    expect(await first).toBe('first')
    expect(await sends.exclusive('MA_1', busy, async () => 'again')).toBe('again')
  })

  it('lets the key go when the work fails before sending anything', async () => {
    const { sends } = setup()
    const noSession = new AppFailure(appError.unauthorized('Sign in.'))
    await expect(sends.exclusive('MA_1', busy, async () => Promise.reject(noSession))).rejects.toBe(
      noSession,
    )
    expect(await sends.exclusive('MA_1', busy, async () => 'sent')).toBe('sent')
  })

  it('gives the reply back, and throws any failure but a lost reply, leaving nothing unresolved', async () => {
    const { sends, events } = setup()
    expect(await sends.send('MA_1', 'PD-1', async () => 'reply')).toEqual({
      kind: 'replied',
      reply: 'reply',
    })
    const refused = new AppFailure(appError.validation('Not enough balance.'))
    await expect(sends.send('MA_1', 'PD-2', () => Promise.reject(refused))).rejects.toBe(refused)
    const crash = new TypeError('bug')
    await expect(sends.send('MA_1', 'PD-3', () => Promise.reject(crash))).rejects.toBe(crash)
    expect(sends.unresolved('MA_1')).toBeUndefined()
    expect(events).toEqual([])
  })

  it('a lost reply is told, then looked up at once: applied', async () => {
    const { sends, events, ledger } = setup()
    ledger.set('PD-1', 'txn_1')
    expect(await sends.send('MA_1', 'PD-1', () => Promise.reject(lostReply()))).toEqual({
      kind: 'applied',
      sent: 'PD-1',
      found: 'txn_1',
    })
    expect(events).toEqual(['lost MA_1 PD-1', 'lookUp MA_1 PD-1'])
    expect(sends.unresolved('MA_1')).toBeUndefined()
  })

  it('a lost reply not applied is resolved as such', async () => {
    const { sends } = setup()
    expect(await sends.send('MA_1', 'PD-1', () => Promise.reject(lostReply()))).toEqual({
      kind: 'not-applied',
      sent: 'PD-1',
    })
    expect(sends.unresolved('MA_1')).toBeUndefined()
    expect(await sends.check('MA_1')).toBeNull()
  })

  it('a lookup that fails says "could not check" and keeps the send unresolved until a check tells', async () => {
    const ledgerDown = new AppFailure(appError.offline('No connection.'))
    let answer: () => Promise<string | null> = () => Promise.reject(ledgerDown)
    const { sends } = setup(() => answer())
    expect(await sends.send('MA_1', 'PD-1', () => Promise.reject(lostReply()))).toEqual({
      kind: 'unchecked',
      sent: 'PD-1',
      error: ledgerDown,
    })
    expect(sends.unresolved('MA_1')).toBe('PD-1')
    expect(sends.unresolved('MA_2')).toBeUndefined()
    expect(await sends.check('MA_1')).toMatchObject({ kind: 'unchecked', error: ledgerDown })
    expect(sends.unresolved('MA_1')).toBe('PD-1')
    answer = async () => 'txn_1'
    expect(await sends.check('MA_1')).toEqual({ kind: 'applied', sent: 'PD-1', found: 'txn_1' })
    expect(sends.unresolved('MA_1')).toBeUndefined()
  })

  it('checks nothing when nothing was lost, unless told what was sent', async () => {
    const { sends, events, ledger } = setup()
    expect(await sends.check('a@x.in')).toBeNull()
    expect(events).toEqual([])
    ledger.set('A@x.in', 'MA_NEW')
    expect(await sends.check('a@x.in', 'A@x.in')).toEqual({
      kind: 'applied',
      sent: 'A@x.in',
      found: 'MA_NEW',
    })
    expect(events).toEqual(['lookUp a@x.in A@x.in'])
  })
})
