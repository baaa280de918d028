import type { CustomerRow, CustomersSnapshot } from '../../../shared/customers'
import { firstRows } from './first-page'
import { IDLE, type ProfileCustomers } from './profile-customers'

/** Some rows of the list, which list (its revision) and how many rows it has in all. */
export type CustomersPage = CustomersSnapshot & { total: number; revision: string }

const EMPTY_PAGE = { rows: [], total: 0, sync: IDLE, cacheNotice: null }

const pageOf = (profile: ProfileCustomers, rows: CustomerRow[]): CustomersPage => ({
  rows,
  total: profile.rows.length,
  revision: profile.revision,
  sync: profile.status,
  cacheNotice: profile.cacheNotice,
})

/**
 * The saved list in pages, for a renderer that paints its first rows before the rest arrive:
 * the first page of the table's default order, then the list in its order, each page naming
 * the list's revision (so a reader sees when a sync replaced it mid-read).
 */
export function createListPages(current: () => ProfileCustomers | null) {
  const firstPages = new WeakMap<
    ProfileCustomers,
    { revision: string; size: number; rows: CustomerRow[] }
  >()

  return {
    /**
     * `limit` rows of the list from `from`, in its order, and which list they are from (its
     * revision and size): the renderer brings a long list in a few such pages.
     */
    async page(from: number, limit: number): Promise<CustomersPage> {
      const profile = current()
      if (!profile) return { ...EMPTY_PAGE, revision: 'signed-out' }
      await profile.load()
      return pageOf(profile, profile.rows.slice(from, from + limit))
    },

    /**
     * The first `size` rows of the table's default order (see firstRows), from the saved first
     * page while the whole list has not been read: start-up paints them without reading it.
     */
    async firstPage(size: number): Promise<CustomersPage> {
      const profile = current()
      if (!profile) return { ...EMPTY_PAGE, revision: 'signed-out' }
      const head = await profile.head
      if (head && !profile.read) {
        // The head's rows are the list's first page in that order, or the whole list.
        const rows = firstRows(head.rows, size)
        return { ...pageOf(profile, rows), total: head.total, revision: head.revision }
      }
      await profile.load()
      // Asked again at every re-read of the list: worked out once per revision and size.
      const known = firstPages.get(profile)
      if (known?.revision === profile.revision && known.size === size) {
        return pageOf(profile, known.rows)
      }
      const rows = firstRows(profile.rows, size)
      firstPages.set(profile, { revision: profile.revision, size, rows })
      return pageOf(profile, rows)
    },
  }
}
