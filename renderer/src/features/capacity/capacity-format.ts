import type { CapacityResource } from '../../../../shared/vobiz-capacity'

export const RESOURCE_LABELS: Record<CapacityResource, string> = {
  concurrent_calls: 'Concurrent calls',
  cps: 'Calls per second',
}
