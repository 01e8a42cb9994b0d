import type { AnomalyDetail } from '../../../../types/contract'
import { refuse } from '../../core/action-failure'
import type { ActionContext } from '../../core/context'
import { anomalyFlow } from '../../domain/workflow/anomaly'
import type { Relation } from '../../domain/workflow/workflow'
import { ACCOUNTS, type AccountDoc } from '../../repos/accounts'
import { ANOMALIES, toAnomalyDetail, type AnomalyDoc } from '../../repos/anomalies'
import { callerRelationsTo } from '../shared/relations'

export async function loadAnomaly(ctx: ActionContext, id: string): Promise<AnomalyDoc> {
  const { data } = await ctx.db.collection<AnomalyDoc>(ANOMALIES).where({ _id: id }).limit(1).get()
  return data[0] ?? refuse('NOT_FOUND')
}

export function anomalyRelations(ctx: ActionContext, doc: AnomalyDoc): Promise<{ relations: Relation[]; departmentName: string }> {
  return callerRelationsTo(ctx, doc.reporterId, doc.departmentId)
}

export async function anomalyDetailFor(ctx: ActionContext, doc: AnomalyDoc): Promise<AnomalyDetail> {
  const { relations, departmentName } = await anomalyRelations(ctx, doc)
  let accountStatus: string | null = null
  if (doc.accountId) {
    const { data } = await ctx.db.collection<AccountDoc>(ACCOUNTS).where({ _id: doc.accountId }).limit(1).get()
    accountStatus = data[0]?.status ?? null
  }
  return toAnomalyDetail(doc, departmentName, accountStatus, anomalyFlow.available(doc.status, relations))
}
