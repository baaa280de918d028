import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger, createRedactor } from '../../../electron/main/platform/logger'

describe('redacting logger', () => {
  it('never writes a registered secret, a secret-named field or an auth header', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pd-log-')), 'logs', 'main.log')
    const logger = createFileLogger({ file })
    logger.addSecret('s3cr3t-token-value')
    logger.info('request with s3cr3t-token-value inside', {
      headers: { 'X-Auth-Token': 'hdr-token-1', 'X-Auth-ID': 'PA_1' },
      body: { password: 'P@ssw0rd!', name: 'Asha' },
      raw: 'X-Auth-Token: hdr-token-2 and auth_token="json-token-3"',
      error: new Error('failed for Authorization: Bearer abc.def.ghi'),
    })
    const text = readFileSync(file, 'utf8')
    for (const secret of [
      's3cr3t-token-value',
      'hdr-token-1',
      'hdr-token-2',
      'json-token-3',
      'P@ssw0rd!',
      'abc.def.ghi',
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(text).toContain('PA_1')
    expect(text).toContain('Asha')
    expect(JSON.parse(text.trim()).level).toBe('info')
  })

  it('keeps ordinary values intact', () => {
    const { redact } = createRedactor()
    expect(redact({ count: 3, list: ['a', { ok: true }] })).toEqual({
      count: 3,
      list: ['a', { ok: true }],
    })
  })

  it('respects the level threshold', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pd-log-')), 'main.log')
    const logger = createFileLogger({ file, level: 'warn' })
    logger.info('quiet')
    logger.warn('loud')
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('loud')
  })
})
