import type { MatrixWorld, Row } from './matrix'

export function marketingRows(_world: MatrixWorld): Row[] {
  return []
}
