import { AppFailure, appError } from '../../../shared/app-error'
import { fieldMessages } from '../../../shared/field-messages'
import {
  channels,
  isChannel,
  type Channel,
  type ResponseOf,
  type ValidRequestOf,
} from '../../../shared/ipc-contract'
import { quickCheck } from '../../../shared/quick-checks'
import { err, ok, type Result } from '../../../shared/result'
import type { Logger } from '../platform/logger'

export type HandlerTable = {
  [C in Channel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>>
}

/**
 * The single entry point for every IPC call, in Electron and in the web bridge: the payload is
 * `unknown` until its schema accepts it, a handler's reply is checked against the contract, and
 * nothing is thrown back across the boundary.
 */
export async function dispatch(
  table: HandlerTable,
  channel: unknown,
  payload: unknown,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return err(appError.validation('Unknown request.', {}))
  }
  const contract = channels[channel]
  const request = contract.request.safeParse(payload ?? {})
  if (!request.success) {
    return err(appError.validation('Some fields are not valid.', fieldMessages(request.error)))
  }
  try {
    const handler = table[channel] as (request: unknown) => Promise<unknown>
    const value = await handler(request.data)
    const quick = quickCheck(channel, value)
    if (quick?.ok) return ok(quick.value)
    const response = contract.response.safeParse(value)
    if (!response.success) {
      logger.error('handler reply broke the contract', { channel })
      return err(appError.server('Partner Desk produced an unexpected reply.', null))
    }
    return ok(response.data)
  } catch (error) {
    if (error instanceof AppFailure) return err(error.appError)
    logger.error('handler failed', { channel, error })
    return err(appError.server('Something went wrong inside Partner Desk.', null))
  }
}

/** A typed helper so the handler table is checked channel by channel. */
export const defineHandlers = (table: HandlerTable): HandlerTable => table
export type { Channel }
