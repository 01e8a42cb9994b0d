import type { MatrixWorld, Row } from './matrix'
import { OK } from './matrix'

export function replyStatRows(world: MatrixWorld): Row[] {
  const importPayload = async () => {
    const { mobile } = (await world.db().collection('people').doc('p-sales-east-02').get()).data as { mobile: string }
    return `手机号,回复率\n${mobile},90%\n`
  }
  let csv = ''
  return [
    {
      action: 'replyStats.import',
      setup: async () => ((csv = await importPayload()), null),
      payload: () => ({ month: '2026-10', csv, commit: true }),
      expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK },
    },
    { action: 'replyStats.list', setup: async () => null, payload: () => ({ month: '2026-10' }), expect: { employee: 'FORBIDDEN', ownHead: 'FORBIDDEN', otherHead: 'FORBIDDEN', admin: OK } },
  ]
}
