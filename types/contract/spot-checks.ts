/** Actions of this domain, merged into the one list in ./actions.ts. */
export const spotCheckActions = {} as const
