import type { archiveActions } from '../../../../types/contract'
import type { HandlerMap } from '../../core/handler'
import { archiveCoverage, listConfirmations } from './coverage'
import { confirmMonthly, getMonthly, updateArchiveSettings } from './monthly'
import { createArchive, deleteArchive, getArchive, listArchives, updateArchive } from './records'

export { archiveTodos } from './todos'

export const archiveHandlers: HandlerMap<keyof typeof archiveActions> = {
  'archive.create': createArchive,
  'archive.update': updateArchive,
  'archive.delete': deleteArchive,
  'archive.get': getArchive,
  'archive.list': listArchives,
  'archive.getMonthly': getMonthly,
  'archive.confirmMonthly': confirmMonthly,
  'archive.coverage': archiveCoverage,
  'archive.listConfirmations': listConfirmations,
  'archive.updateSettings': updateArchiveSettings,
}
