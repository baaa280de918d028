import { resolve } from 'node:path'

/*
 * Where an end-to-end run leaves what the secrets scan (global-teardown.ts) reads. Absolute, so
 * the bridge's child process and Playwright's workers agree whatever their working directory.
 */
const ROOT = resolve(import.meta.dirname, '../../..')

/** Every user-data folder of the run's bridges, and the dumps of the pages' storage: scanned. */
export const USER_DATA_ROOT = resolve(ROOT, 'test-results/user-data')

/** Dumps of the renderer's localStorage, sessionStorage and IndexedDB, one file per test. */
export const RENDERER_STORAGE_DIR = resolve(USER_DATA_ROOT, 'renderer-storage')

/**
 * The tokens of the sandboxes the run used (partner and customers), one JSON file per sandbox:
 * what the scan looks for. Sandbox-only, throwaway tokens; outside USER_DATA_ROOT (not scanned).
 */
export const KNOWN_SECRETS_DIR = resolve(ROOT, 'test-results/known-secrets')

/** The environment variable that tells the bridge's child process where to record its tokens. */
export const KNOWN_SECRETS_ENV = 'PARTNER_DESK_KNOWN_SECRETS_DIR'
