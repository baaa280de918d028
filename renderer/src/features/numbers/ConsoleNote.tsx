import { ipc } from '../../ipc/client'

export const CONSOLE_URL = 'https://console.vobiz.ai'

/** Numbers are given and released in the Vobiz Console only: say so, with the link. */
export function ConsoleNote() {
  return (
    <p className="section-note numbers-console-note">
      Giving a number to a customer or releasing it is done in the Vobiz Console.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => void ipc.invoke('shell:openExternal', { url: CONSOLE_URL })}
      >
        Open the Vobiz Console
      </button>
    </p>
  )
}
