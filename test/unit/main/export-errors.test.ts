import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { appErrorSchema, type AppError } from '../../../shared/app-error'
import { describeError } from '../../../renderer/src/lib/error-messages'
import { signInTo, snapshot, syncNow, valueOf } from '../../support/customers'
import { sandboxSuite } from '../../support/sandbox-suite'
import { makeTempDir } from '../../support/temp-dir'

const NOW = Date.parse('2026-11-20T10:00:00Z')
const suite = sandboxSuite({ customers: 20, seed: 5, now: () => NOW })

async function ready() {
  const app = suite.open(makeTempDir())
  await signInTo(app, suite.api)
  await syncNow(app)
  const authIds = (await snapshot(app)).rows.map((row) => row.authId)
  return { app, authIds }
}

describe('exports: the save dialog names what is exported', () => {
  it('"Export customers" for the customer list, "Export transactions" for the ledger', async () => {
    const { app, authIds } = await ready()
    await valueOf(app.invoke('customers:exportCsv', { authIds }))
    await valueOf(app.invoke('transactions:exportCsv', {}))
    expect(app.exportTitles).toEqual(['Export customers', 'Export transactions'])
  })
})

describe('a file that cannot be saved is a file error, not a token one', () => {
  it('both exports fail with kind "file" when the folder cannot be written', async () => {
    const { app, authIds } = await ready()
    // A plain file where the exports folder should be: nothing can be saved in it.
    writeFileSync(app.exportsDir, 'in the way')
    const failed = {
      ok: false,
      error: { kind: 'file', message: 'The file could not be saved. Choose another folder.' },
    }
    expect(await app.invoke('customers:exportCsv', { authIds })).toEqual(failed)
    expect(await app.invoke('transactions:exportCsv', {})).toMatchObject(failed)
  })

  it('the renderer says a file could not be saved, and never mentions the token', () => {
    const error: AppError = appErrorSchema.parse({ kind: 'file', message: 'The file could not…' })
    const text = describeError(error)
    expect(text.title).toBe('Partner Desk could not save a file on this computer.')
    expect(text.title).not.toMatch(/token/i)
    expect(text.detail).toBe('The file could not…')
    // The token's own storage failure keeps its message.
    expect(describeError({ kind: 'storage', message: 'x' }).title).toMatch(/token/)
  })
})
