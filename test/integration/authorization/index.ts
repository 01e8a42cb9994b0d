import type { MatrixWorld, Row } from './matrix'
import { customerRows } from './customers'
import { marketingRows } from './marketing'
import { taskRows } from './tasks'
import { archiveRows } from './archives'
import { assessmentRuleRows } from './assessment-rules'
import { spotCheckRows } from './spot-checks'
import { violationRows } from './violations'
import { assessmentResultRows } from './assessment-results'
import { replyStatRows } from './reply-stats'
import { auditRows } from './audit'
import { retentionRows } from './retention'
import { dashboardRows } from './dashboard'
import { drillListRows } from './drill-lists'

/** Each domain's rows, in the order the domains were built. */
export const domainRows: Array<(world: MatrixWorld) => Row[]> = [customerRows, marketingRows, taskRows, archiveRows, assessmentRuleRows, spotCheckRows, violationRows, assessmentResultRows, replyStatRows, auditRows, dashboardRows, retentionRows, drillListRows]
