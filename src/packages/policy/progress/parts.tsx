import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { AckProgress, AckStatusRow } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { versionName } from '../components/version-tags'

type Department = AckProgress['departments'][number]

function RateBar({ rate }: { rate: number }) {
  return (
    <View className='ack-rate'>
      <View className={`ack-rate__fill${rate >= 100 ? ' ack-rate__fill--done' : ''}`} style={{ width: `${Math.min(100, Math.max(0, rate))}%` }} />
    </View>
  )
}

export function Summary({ progress, scope }: { progress: AckProgress; scope: string }) {
  const { version } = progress
  return (
    <View id='ack-summary' className='ack-summary card'>
      <Text className='ack-summary__scope'>
        {scope}
        {version ? ` · ${versionName(version)}《${version.title}》` : ''}
      </Text>
      <View className='ack-summary__main'>
        <Text id='ack-rate' className='ack-summary__rate'>
          {progress.rate}%
        </Text>
        <Text id='ack-counts' className='ack-summary__counts'>
          已确认 {progress.acknowledgedCount} / 应确认 {progress.staffCount}
        </Text>
      </View>
      <RateBar rate={progress.rate} />
      <View className='ack-summary__meta'>
        <Text id='ack-overdue' className={progress.overdueCount > 0 ? 'ack-summary__overdue' : ''}>
          逾期 {progress.overdueCount} 人
        </Text>
        {progress.dueOn ? <Text id='ack-due'>截止 {progress.dueOn}</Text> : null}
      </View>
    </View>
  )
}

/** Admins see every department; tapping one narrows the people below (and the reminder) to it. */
export function Departments({ departments, selected, onSelect }: { departments: Department[]; selected: string | null; onSelect: (id: string | null) => void }) {
  return (
    <View id='ack-departments' className='ack-departments card'>
      {departments.map((row) => {
        const active = row.departmentId === selected
        return (
          <View
            key={row.departmentId}
            id={`ack-dept-${row.departmentId}`}
            className={`ack-dept${active ? ' ack-dept--active' : ''}`}
            onClick={() => onSelect(active ? null : row.departmentId)}
          >
            <View className='ack-dept__head'>
              <Text className='ack-dept__name'>{row.departmentName}</Text>
              <Text className='ack-dept__rate'>{row.rate}%</Text>
            </View>
            <RateBar rate={row.rate} />
            <Text className='ack-dept__meta'>
              {row.acknowledgedCount}/{row.staffCount} 已确认{row.overdueCount > 0 ? ` · 逾期 ${row.overdueCount}` : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

function statusOf(row: AckStatusRow): { label: string; type: 'success' | 'danger' | 'warning' } {
  if (row.acknowledgedAt) return { label: '已确认', type: 'success' }
  if (row.overdue) return { label: '已逾期', type: 'danger' }
  return { label: '未确认', type: 'warning' }
}

export function PersonRow({ row }: { row: AckStatusRow }) {
  const status = statusOf(row)
  const id = `ack-person-${row.personId}`
  return (
    <View id={id} className='account-list__row'>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{row.personName}</Text>
        <View id={`${id}-status`} className='status-tag'>
          <Tag type={status.type}>{status.label}</Tag>
        </View>
      </View>
      <View className='account-list__meta'>
        <Text>{row.departmentName}</Text>
        {row.acknowledgedAt ? <Text>确认于 {formatShanghaiTime(row.acknowledgedAt)}</Text> : null}
        {row.quizFailedAttempts ? <Text id={`${id}-failed`}>测验答错 {row.quizFailedAttempts} 次</Text> : null}
        {row.lastRemindedAt ? <Text id={`${id}-reminded`}>上次提醒 {formatShanghaiTime(row.lastRemindedAt)}</Text> : null}
      </View>
    </View>
  )
}
