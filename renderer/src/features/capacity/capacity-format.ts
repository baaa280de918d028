import { formatCount } from '../../lib/format'
import type { CapacityResource } from '../../../../shared/vobiz-capacity'

export const RESOURCE_LABELS: Record<CapacityResource, string> = {
  concurrent_calls: 'Concurrent calls',
  cps: 'Calls per second',
}

/** "1 concurrent call", "5 calls per second". */
export function slotsOf(count: number, resource: CapacityResource): string {
  const one = resource === 'cps' ? 'call per second' : 'concurrent call'
  const many = RESOURCE_LABELS[resource].toLowerCase()
  return `${formatCount(count)} ${count === 1 ? one : many}`
}
