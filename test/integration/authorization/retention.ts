import type { MatrixWorld, Row } from './matrix'
import { OK } from './matrix'

export function retentionRows(_world: MatrixWorld): Row[] {
  const adminOnly = { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK }
  return [
    { action: 'retention.getSettings', setup: async () => null, payload: () => ({}), expect: adminOnly },
    { action: 'retention.updateSettings', setup: async () => null, payload: () => ({ periodMonths: 36 }), expect: adminOnly },
    // Everyone exports their own data, and only that: the action takes no input to name anyone else.
    { action: 'me.exportData', setup: async () => null, payload: () => ({}), expect: { employee: OK, ownHead: OK, otherHead: OK, admin: OK } },
  ]
}
