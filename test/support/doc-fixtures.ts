import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A response example from the Vobiz doc pages, kept as `test/fixtures/vobiz-docs/<name>.json`. */
export type DocFixture = {
  /** The doc page (in ../shared/docs/vobiz/) and its section. */
  doc: string
  section: string
  /** Which reading of the docs this is (page example, OpenAPI example, built from the prose). */
  reading: string
  method: string
  path: string
  status: number
  body: unknown
}

const FOLDER = join(import.meta.dirname, '../fixtures/vobiz-docs')

export const docFixtureNames = (): string[] =>
  readdirSync(FOLDER)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()

/** A fresh copy each time: tests may change it. */
export function docFixture(name: string): DocFixture {
  return JSON.parse(readFileSync(join(FOLDER, `${name}.json`), 'utf8')) as DocFixture
}

/** The body of a fixture as an object (the examples are all objects but the 204). */
export const docBody = (name: string): Record<string, unknown> =>
  docFixture(name).body as Record<string, unknown>
