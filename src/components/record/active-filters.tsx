import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { listDepartments } from '@/services/roster'
import './page.scss'

export interface ActiveFilter {
  /** Names the chip: `<id>-<key>`. */
  key: string
  label: string
  value: string
  onClear: () => void
}

/**
 * Filters a page was opened with (e.g. from a dashboard figure) that have no chip row of their
 * own: each shows as "标签：值 ×" and is cleared by a tap. Nothing shows when none is set.
 */
export function ActiveFilters({ id, filters }: { id: string; filters: Array<ActiveFilter | null | false | undefined> }) {
  const shown = filters.filter((f): f is ActiveFilter => Boolean(f))
  if (shown.length === 0) return null
  return (
    <View className='active-filters' id={id}>
      {shown.map((f) => (
        <View key={f.key} id={`${id}-${f.key}`} className='active-filters__chip' onClick={f.onClear}>
          <Text>
            {f.label}：{f.value} ×
          </Text>
        </View>
      ))}
    </View>
  )
}

/** The name of a department a page was opened for; a neutral word until (or unless) it is known. */
export function useDepartmentName(departmentId: string | undefined): string {
  const [names, setNames] = useState<Record<string, string>>({})
  useEffect(() => {
    if (!departmentId || names[departmentId]) return
    let live = true
    listDepartments()
      .then((items) => {
        if (live) setNames(Object.fromEntries(items.map((d) => [d.id, d.name])))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [departmentId, names])
  return departmentId ? (names[departmentId] ?? '指定部门') : ''
}

/** A query parameter as a string, or undefined when absent or empty. */
export function param(value: string | undefined): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
