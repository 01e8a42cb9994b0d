import { OK, type MatrixWorld, type Row } from './matrix'

/** The audit trail is for admins alone, whatever record it is searched for. */
export function auditRows(world: MatrixWorld): Row[] {
  return [
    {
      action: 'audit.search',
      setup: async () => null,
      payload: () => ({ targetCollection: 'people', from: world.today, to: world.today }),
      expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK },
    },
  ]
}
