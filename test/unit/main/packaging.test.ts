import { describe, expect, it } from 'vitest'
// electron-builder's own loader and schema check: packaging itself needs the internet, this does not.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util/out/DebugLogger.js'

describe('packaging config', () => {
  it('passes electron-builder validation and locks down the Electron fuses', async () => {
    const config = await getConfig(process.cwd(), 'build/electron-builder.yml', null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
    expect(config.asar).toBe(true)
    expect(JSON.stringify(config.files)).toContain('out/**/*')
  })
})
