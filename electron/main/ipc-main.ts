import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { appError } from '../../shared/app-error'
import {
  IPC_PREFIX,
  channelNames,
  type EventName,
  type EventPayload,
} from '../../shared/ipc-contract'
import { err, type Result } from '../../shared/result'
import type { Logger } from './services/logger'

/** True only for our window showing our renderer (not a navigated-away or embedded frame). */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
  rendererUrl: string,
): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false
  const frameUrl = event.senderFrame?.url
  if (!frameUrl) return false
  try {
    return (
      new URL(frameUrl).origin === new URL(rendererUrl).origin && event.senderFrame?.parent === null
    )
  } catch {
    return false
  }
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
