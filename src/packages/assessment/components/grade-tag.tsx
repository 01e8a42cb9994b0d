import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { defaultAssessmentRules } from '@contract/assessment'

type TagType = 'success' | 'primary' | 'warning' | 'danger' | 'default'

/**
 * Colour by rank rather than by name: admins may rename or add grades, so the first grade is
 * green and the last red whatever they are called.
 */
export function gradeTone(grade: string, grades: readonly string[]): TagType {
  const rank = grades.indexOf(grade)
  if (rank < 0) return 'default'
  if (rank === grades.length - 1) return 'danger'
  if (rank === 0) return 'success'
  return rank === grades.length - 2 ? 'warning' : 'primary'
}

/** Results do not carry the grade list they were graded by; the defaults colour the usual names. */
const defaultGrades = defaultAssessmentRules.grades.map((g) => g.label)

export function GradeTag({ grade, grades = defaultGrades, id }: { grade: string; grades?: readonly string[]; id?: string }) {
  return (
    // NutUI's Tag drops ids; the wrapper carries it.
    <View id={id} className='assessment-grade'>
      <Tag type={gradeTone(grade, grades)}>{grade}</Tag>
    </View>
  )
}
