import { protocol, type Session } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppRequestHandler } from '../app-protocol'

/** Must run before the app is ready: app:// becomes a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ])
}

/** Serves the built renderer folder on app://partner-desk/ in the window's session. */
export async function serveAppScheme(session: Session, rendererRoot: string): Promise<void> {
  const handler = await createAppRequestHandler(rendererRoot)
  session.protocol.handle(APP_SCHEME, handler)
}
