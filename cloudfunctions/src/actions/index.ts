import type { ActionInput, ActionName, ActionOutput } from '../../../types/contract'
import type { ActionContext } from '../core/context'
import { addDepartment } from './roster/add-department'
import { importRoster } from './roster/import-roster'
import { listDepartments } from './roster/list-departments'
import { listPeople } from './roster/list-people'
import { bindByPhone } from './session/bind-by-phone'
import { whoami } from './session/whoami'

type Handlers = {
  [N in ActionName]: (input: ActionInput<N>, ctx: ActionContext) => Promise<ActionOutput<N>>
}

/** Wiring only: every action in the contract must have exactly one handler here. */
export const handlers: Handlers = {
  'session.whoami': whoami,
  'session.bindByPhone': bindByPhone,
  'roster.listDepartments': listDepartments,
  'roster.addDepartment': addDepartment,
  'roster.listPeople': listPeople,
  'roster.import': importRoster,
}
