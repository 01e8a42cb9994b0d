import type { MatrixWorld, Row } from './matrix'

/** Each domain's rows, in the order the domains were built. */
export const domainRows: Array<(world: MatrixWorld) => Row[]> = []
