import type { EventName, EventPayload } from '../../../shared/ipc-contract'
import type { Logger } from '../platform/logger'
import type {
  ChooseFolderPort,
  Clock,
  ClipboardPort,
  ExternalOpener,
  FetchPort,
  KeyValueStore,
  SafeStoragePort,
  SandboxLauncher,
  SaveFilePort,
  SaveTargetPort,
  Scheduler,
  NotificationPort,
  TrayPort,
} from '../platform/ports'
import type { PdfPort } from '../usage/statement-service'
import type { VobizClientOptions } from '../vobiz/vobiz-client'

export type AppPorts = {
  store: KeyValueStore
  safeStorage: SafeStoragePort
  clipboard: ClipboardPort
  fetch: FetchPort
  sandbox: SandboxLauncher
  openExternal: ExternalOpener
  logger: Logger
  clock: Clock
  scheduler: Scheduler
  /** The user-data folder: the customer caches live under `<dataDir>/cache/`. */
  dataDir: string
  saveFile: SaveFilePort
  /** For bulk exports: a folder the user chooses. */
  chooseFolder: ChooseFolderPort
  /** For streamed exports: where the file goes. */
  saveTarget: SaveTargetPort
  /** HTML to PDF (the app's printToPDF); absent where there is none (the browser preview). */
  pdf?: PdfPort
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Desktop notifications; absent in the browser preview, whose notification centre is in-app. */
  notifications?: NotificationPort
  /** The tray icon (count needing attention, partner balance); absent in the browser preview. */
  tray?: TrayPort
  /** Retry and timeout tuning of the API client (tests make back-off short). */
  client?: Pick<VobizClientOptions, 'backoffBaseMs' | 'timeoutMs' | 'totalTimeoutMs' | 'retryLimit'>
  /** Sync tuning (tests and the benchmark). */
  customers?: { refreshEveryMs?: number; startupSyncWaitMs?: number; concurrency?: number }
}
