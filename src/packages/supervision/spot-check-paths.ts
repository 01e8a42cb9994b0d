import { recordPage } from '@contract/pages'

/** Spot-check pages of the supervision subpackage; register them under root `packages/supervision`. */
export const spotCheckPages = {
  /** Heads and admins: rounds, checks waiting for their score, and results. */
  rounds: '/packages/supervision/spot-check-rounds/index',
  start: '/packages/supervision/spot-check-start/index',
  round: '/packages/supervision/spot-check-round/index',
  /** Where to-do lists and subscribe messages open a check (types/contract/pages.ts). */
  check: '/packages/supervision/spot-check/index',
  /** Everyone: their own scored checks. */
  mine: '/packages/supervision/spot-check-mine/index',
} as const

export function spotCheckPage(id: string): string {
  return recordPage('spotcheck', id)
}

export function spotCheckRoundPage(id: string): string {
  return `${spotCheckPages.round}?id=${encodeURIComponent(id)}`
}

export type RoundsTab = 'rounds' | 'toScore' | 'results'

/** The rounds screen opened on a tab, e.g. 待我评分 from the workbench. */
export function spotCheckRoundsPage(tab?: RoundsTab): string {
  return tab ? `${spotCheckPages.rounds}?tab=${tab}` : spotCheckPages.rounds
}
