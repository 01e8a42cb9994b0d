import type { MatrixWorld, Row } from './matrix'
import { customerRows } from './customers'
import { marketingRows } from './marketing'
import { taskRows } from './tasks'
import { archiveRows } from './archives'

/** Each domain's rows, in the order the domains were built. */
export const domainRows: Array<(world: MatrixWorld) => Row[]> = [customerRows, marketingRows, taskRows, archiveRows]
