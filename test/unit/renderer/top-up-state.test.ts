import { describe, expect, it } from 'vitest'
import {
  INITIAL_TOP_UP,
  amountDecimal,
  isBusy,
  moved,
  topUpReducer,
  type TopUpEvent,
  type TopUpState,
} from '../../../renderer/src/features/top-up/top-up-state'
import type { TransferResult } from '../../../shared/balance'
import { MINUS } from '../../../shared/money-format'

const RESULT: TransferResult = {
  transactionId: 'TX1',
  authId: 'MA_1',
  amount: '250.12345',
  currency: 'INR',
  reference: 'PD-1',
  partnerBalanceAfter: '12143.01375',
  customerBalanceAfter: '350.12345',
  recovered: false,
}
const LOST = { kind: 'unknown_outcome', message: 'The reply was lost.' } as const

const run = (events: TopUpEvent[], from: TopUpState = INITIAL_TOP_UP) =>
  events.reduce(topUpReducer, from)
const review: TopUpEvent = { type: 'review', available: '12393.1372', currency: 'INR' }
const confirmed = run([{ type: 'amount', value: '250.12345' }, review])

describe('top-up reducer', () => {
  it('reviews a valid amount into a confirmation, keeping the exact decimal', () => {
    expect(confirmed.at).toEqual({ step: 'confirm' })
    expect(amountDecimal(confirmed)).toBe('250.12345')
    expect(moved('12393.1372', '250.12345', -1n)).toBe('12143.01375')
    expect(moved('-5', '250.12345', 1n)).toBe('245.12345')
    expect(moved(null, '1', 1n)).toBeNull()
  })

  it('keeps the form with a field message for a bad or uncovered amount; typing clears it', () => {
    const bad = run([{ type: 'amount', value: '12,5' }, review])
    expect(bad.at).toMatchObject({ step: 'form', amountError: expect.stringContaining('digits') })
    const tooMuch = run([{ type: 'amount', value: '20000' }, review])
    expect(tooMuch.at).toEqual({
      step: 'form',
      amountError: 'More than the partner wallet holds (₹12,393.1372).',
    })
    expect(run([{ type: 'amount', value: '2' }], tooMuch).at).toEqual({ step: 'form' })
    const negativeWallet = run([
      { type: 'amount', value: '1' },
      { type: 'review', available: '-3.5', currency: 'INR' },
    ])
    expect(negativeWallet.at).toMatchObject({
      amountError: expect.stringContaining(`${MINUS}₹3.50`),
    })
  })

  it('sends only from a confirmation, and takes only one reply: never twice', () => {
    const sending = run([{ type: 'send' }], confirmed)
    expect(sending.at).toEqual({ step: 'sending' })
    expect(isBusy(sending)).toBe(true)
    // A second send while sending, or a send from the form, changes nothing.
    expect(run([{ type: 'send' }], sending)).toBe(sending)
    expect(run([{ type: 'send' }])).toBe(INITIAL_TOP_UP)
    const done = run([{ type: 'sent', reply: { ok: true, value: RESULT } }], sending)
    expect(done.at).toEqual({ step: 'done', result: RESULT })
    // A late second reply does not change the outcome; nor can the done dialog go back.
    expect(run([{ type: 'sent', reply: { ok: false, error: LOST } }, { type: 'back' }], done)).toBe(
      done,
    )
  })

  it('puts a validation refusal at the amount field, other failures on their own step', () => {
    const sending = run([{ type: 'send' }], confirmed)
    const refused = run(
      [
        {
          type: 'sent',
          reply: {
            ok: false,
            error: { kind: 'validation', message: 'Bad', fields: { amount: 'Not enough funds.' } },
          },
        },
      ],
      sending,
    )
    expect(refused.at).toEqual({ step: 'form', amountError: 'Not enough funds.' })
    expect(refused.amount).toBe('250.12345')
    const failed = run(
      [
        {
          type: 'sent',
          reply: { ok: false, error: { kind: 'server', message: 'x', status: 503 } },
        },
      ],
      sending,
    )
    expect(failed.at.step).toBe('failed')
    expect(run([{ type: 'back' }], failed).at).toEqual({ step: 'form' })
  })

  it('checks a lost reply against the ledger before offering the form again', () => {
    const unknown = run(
      [{ type: 'send' }, { type: 'sent', reply: { ok: false, error: LOST } }],
      confirmed,
    )
    expect(unknown.at).toEqual({ step: 'unknown', error: LOST, checking: false })
    expect(run([{ type: 'back' }, { type: 'amount', value: '9' }], unknown)).toBe(unknown)
    const checking = run([{ type: 'check' }], unknown)
    expect(isBusy(checking)).toBe(true)
    expect(run([{ type: 'check' }], checking)).toBe(checking)
    const recovered = { ...RESULT, recovered: true }
    expect(
      run(
        [{ type: 'checked', reply: { ok: true, value: { applied: recovered, known: true } } }],
        checking,
      ).at,
    ).toEqual({ step: 'done', result: recovered })
    const notApplied = run(
      [{ type: 'checked', reply: { ok: true, value: { applied: null, known: true } } }],
      checking,
    )
    expect(notApplied.at).toMatchObject({
      step: 'form',
      notice: expect.stringContaining('not applied'),
    })
    const stillLost = run([{ type: 'checked', reply: { ok: false, error: LOST } }], checking)
    expect(stillLost.at).toEqual({ step: 'unknown', error: LOST, checking: false })
    // A check's reply without a check asked is ignored.
    expect(run([{ type: 'checked', reply: { ok: false, error: LOST } }], unknown)).toBe(unknown)
  })
})
