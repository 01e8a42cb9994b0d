import {
  applicationEvents,
  applicationStatuses as applicationStates,
  type ApplicationEvent,
  type ApplicationStatus as ApplicationState,
} from '../../../../types/contract'
import { defineWorkflow } from './workflow'

export { applicationEvents, applicationStates, type ApplicationEvent, type ApplicationState }

/**
 * 二.一: the applicant's department head approves, then the administration activates.
 * A head's own application has nobody above them in the department, so an admin takes
 * the head's step; nobody decides their own application.
 */
export const accountApplicationFlow = defineWorkflow(applicationStates, applicationEvents, [
  { from: 'pending_head', event: 'headApprove', by: ['ownHead'], to: 'pending_admin', notByOwner: true },
  { from: 'pending_head', event: 'headReject', by: ['ownHead'], to: 'rejected', notByOwner: true },
  { from: 'pending_admin', event: 'activate', by: ['admin'], to: 'activated', notByOwner: true },
  { from: 'pending_admin', event: 'adminReject', by: ['admin'], to: 'rejected', notByOwner: true },
  { from: 'pending_head', event: 'withdraw', by: ['owner'], to: 'withdrawn' },
  { from: 'pending_admin', event: 'withdraw', by: ['owner'], to: 'withdrawn' },
])
