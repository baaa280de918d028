import { KNOWN_SECRETS_DIR, USER_DATA_ROOT } from './run-dirs'
import { readRecordedSecrets, scanForSecrets } from './secrets-scan'

/** Scans `userDataRoot` for the tokens recorded in `knownSecretsDir`; throws on any found. */
export function scanRun(userDataRoot: string, knownSecretsDir: string): string {
  const secrets = readRecordedSecrets(knownSecretsDir)
  const result = scanForSecrets([userDataRoot], secrets)
  if (result.leaks.length > 0) {
    throw new Error(
      `secrets scan: ${result.leaks.length} token(s) in plain files:\n${result.leaks
        .map((leak) => `  ${leak.file}: ${leak.label} (${leak.form})`)
        .join('\n')}`,
    )
  }
  return result.secrets === 0
    ? `secrets scan: no sandbox tokens were recorded (no sandbox used); ${result.files} files`
    : `secrets scan: ${result.secrets} sandbox tokens looked for in ${result.files} files under ${userDataRoot}: none found`
}

/**
 * After the end-to-end run: no token of the run's sandboxes (partner, customers) in any plain
 * file of the bridges' user-data folders (config, caches, logs, exports) or in the dumps of the
 * pages' localStorage, sessionStorage and IndexedDB. Throws (failing the run) on any.
 */
export default function globalTeardown(): void {
  console.log(scanRun(USER_DATA_ROOT, KNOWN_SECRETS_DIR))
}
