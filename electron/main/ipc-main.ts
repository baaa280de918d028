import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { appError } from '../../shared/app-error'
import {
  IPC_PREFIX,
  channelNames,
  type EventName,
  type EventPayload,
} from '../../shared/ipc-contract'
import { err, type Result } from '../../shared/result'
import { originOf } from './app-protocol'
import type { Logger } from './platform/logger'

/**
 * True only for our window's top frame showing our renderer's exact origin: app://partner-desk
 * (or the dev server's in development). A file:// frame never passes: its origin is "null", the
 * same for every local file.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
  rendererUrl: string,
): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false
  const frame = event.senderFrame
  if (!frame?.url || frame.parent !== null) return false
  const expected = originOf(rendererUrl)
  return expected !== null && originOf(frame.url) === expected
}

/** Registers one ipcMain handler per contract channel, all behind the sender check. */
export function registerIpc(options: {
  invoke: (channel: unknown, payload: unknown) => Promise<Result<unknown>>
  window: () => BrowserWindow | null
  rendererUrl: string
  logger: Logger
}): void {
  for (const channel of channelNames) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, options.window(), options.rendererUrl)) {
        options.logger.warn('refused IPC from an untrusted sender', { channel })
        return err(appError.forbidden('This request did not come from Partner Desk.'))
      }
      return options.invoke(channel, payload)
    })
  }
}

export function sendEvent<E extends EventName>(
  window: BrowserWindow | null,
  event: E,
  payload: EventPayload<E>,
): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_PREFIX + event, payload)
}
