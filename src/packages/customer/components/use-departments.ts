import { useEffect, useState } from 'react'
import type { Department } from '@contract'
import { listDepartments } from '@/services/roster'

/** Departments for an admin's filter chips; a failure only means the chips do not show. */
export function useDepartments(enabled: boolean): Department[] {
  const [departments, setDepartments] = useState<Department[]>([])
  useEffect(() => {
    if (!enabled) return undefined
    let live = true
    listDepartments().then(
      (found) => live && setDepartments(found),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [enabled])
  return departments
}
