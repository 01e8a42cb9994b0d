import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { addDepartment, listDepartments, type Department } from '@/services/roster'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { peopleOfDepartment } from '@/routes'
import { useLoaded } from '@/hooks/use-loaded'
import './index.scss'

const PAGE_SIZE = 30

function AddDepartment({ onAdded }: { onAdded: (department: Department) => void }) {
  const [name, setName] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    if (!name.trim()) {
      setError('请输入部门名称')
      return
    }
    setSaving(true)
    setError(null)
    try {
      const department = await addDepartment(name)
      setName('')
      showSuccess('已添加')
      onAdded(department)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='departments__add card'>
      <Text className='departments__add-title'>新增部门</Text>
      <View className='departments__add-row'>
        <View className='departments__input'>
          <Input
            id='department-name'
            placeholder='部门名称，最多32个字'
            maxLength={32}
            value={name}
            onChange={(value: string) => {
              setName(value)
              setError(null)
            }}
            onConfirm={() => void submit()}
          />
        </View>
        <Button id='department-add' type='primary' size='small' loading={saving} onClick={() => void submit()}>
          添加
        </Button>
      </View>
      <InlineError id='department-error' message={error} />
    </View>
  )
}

function Departments() {
  const { data: items, error, reload, setData: setItems } = useLoaded<Department[]>(listDepartments)
  const [limit, setLimit] = useState(PAGE_SIZE)

  return (
    <View className='departments'>
      <AddDepartment
        onAdded={(department) => setItems(items ? [department, ...items] : [department])}
      />
      <Text className='page-section__title'>{items ? `全部部门（${items.length}）` : '全部部门'}</Text>
      <View className='page-section' id='department-list'>
        {error ? (
          <ErrorState id='departments-error' message={error} onRetry={reload} />
        ) : items === null ? (
          <PageLoading />
        ) : items.length === 0 ? (
          <EmptyState id='departments-empty' title='还没有部门' description='在上方输入名称添加第一个部门，或通过花名册导入' />
        ) : (
          <>
            <CellGroup>
              {items.slice(0, limit).map((department, index, shown) => (
                <View key={department.id} id={`department-${department.id}`}>
                  <Cell
                    clickable
                    isLast={index === shown.length - 1}
                    align='center'
                    title={department.name}
                    description={department.headName ? `负责人：${department.headName}` : '未设负责人'}
                    extra={<Text className='departments__count'>{department.staffCount} 人</Text>}
                    onClick={() => void Taro.navigateTo({ url: peopleOfDepartment(department.id) })}
                  />
                </View>
              ))}
            </CellGroup>
            {items.length > limit ? (
              <View className='departments__more'>
                <Button id='departments-more' size='small' fill='none' onClick={() => setLimit(limit + PAGE_SIZE)}>
                  显示更多（还有 {items.length - limit} 个）
                </Button>
              </View>
            ) : null}
          </>
        )}
      </View>
    </View>
  )
}

export default function DepartmentsPage() {
  return <SessionGate roles={['admin']}>{() => <Departments />}</SessionGate>
}
