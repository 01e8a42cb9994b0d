import { anomalyEvents, anomalyStatuses, type AnomalyEvent, type AnomalyStatus } from '../../../../types/contract'
import { defineWorkflow } from './workflow'

export type { AnomalyEvent, AnomalyStatus }

/**
 * 二.三.4: the reporter's head acknowledges, records what was done, and resolves. Admins
 * can handle any report; a head's own report is handled by admins.
 */
export const anomalyFlow = defineWorkflow(anomalyStatuses, anomalyEvents, [
  { from: 'open', event: 'acknowledge', by: ['ownHead', 'admin'], to: 'acknowledged', notByOwner: true },
  { from: 'acknowledged', event: 'recordMeasure', by: ['ownHead', 'admin'], to: 'acknowledged', notByOwner: true },
  { from: 'acknowledged', event: 'resolve', by: ['ownHead', 'admin'], to: 'resolved', notByOwner: true },
])
