import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import type { PersonSummary, TodoItem } from '@contract'
import { recordPage } from '@contract/pages'
import { TabPage } from '@/components/tab-page'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { useTodos } from '@/hooks/use-todos'
import { formatShanghaiTime } from '@/services/accounts'
import { routes } from '@/routes'
import './index.scss'

/** To-do lists arrive whole; show them a screenful at a time. */
const PAGE_SIZE = 20

/** Every kind of to-do opens the page the contract names for it, the same one its subscribe message opens. */
function openItem(item: TodoItem): void {
  void Taro.navigateTo({ url: recordPage(item.kind, item.id) })
}

function TodoList({ id, items, empty }: { id: string; items: TodoItem[]; empty: { title: string; description: string } }) {
  const [limit, setLimit] = useState(PAGE_SIZE)
  return (
    <View className='page-section' id={id}>
      {items.length === 0 ? (
        <View className='card'>
          <EmptyState id={`${id}-empty`} title={empty.title} description={empty.description} />
        </View>
      ) : (
        <>
          <CellGroup>
            {items.slice(0, limit).map((item, index, shown) => (
              <View key={`${item.kind}-${item.id}`} id={`todo-${item.kind}-${item.id}`}>
                <Cell
                  clickable
                  isLast={index === shown.length - 1}
                  align='center'
                  title={item.title}
                  description={
                    <View className='todo-item'>
                      <Text className='todo-item__subtitle'>{item.subtitle}</Text>
                      <Text className='todo-item__since'>{formatShanghaiTime(item.since)}</Text>
                    </View>
                  }
                  extra={<Tag type='warning'>{item.statusLabel}</Tag>}
                  onClick={() => openItem(item)}
                />
              </View>
            ))}
          </CellGroup>
          {items.length > limit ? (
            <View className='approvals__more'>
              <Button id={`${id}-more`} size='small' fill='none' onClick={() => setLimit(limit + PAGE_SIZE)}>
                显示更多（还有 {items.length - limit} 项）
              </Button>
            </View>
          ) : null}
        </>
      )}
    </View>
  )
}

function Approvals({ person }: { person: PersonSummary }) {
  const todos = useTodos()
  usePullDownRefresh(() => {
    void todos.refresh().finally(() => void Taro.stopPullDownRefresh())
  })
  // Only heads and admins decide; an employee's only list here is their own.
  const reviewer = person.role !== 'employee'
  const rootId = reviewer ? 'approvals-reviewer' : 'approvals-employee'

  if (todos.error) {
    return (
      <View className='approvals' id={rootId}>
        <ErrorState id='todo-error' message={todos.error} onRetry={todos.reload} />
      </View>
    )
  }
  if (!todos.data) {
    return (
      <View className='approvals' id={rootId}>
        <PageLoading id='todo-loading' />
      </View>
    )
  }
  const { approvals, mine } = todos.data
  return (
    <View className='approvals' id={rootId}>
      {reviewer ? (
        <>
          <Text className='page-section__title'>待我审批{approvals.length ? `（${approvals.length}）` : ''}</Text>
          <TodoList
            id='todo-approvals'
            items={approvals}
            empty={{
              title: '暂无待审批事项',
              description: person.role === 'head' ? '本部门的申请、代操作、异常报告和交接会显示在这里' : '需要你处理的申请、异常报告和交接会显示在这里',
            }}
          />
        </>
      ) : null}
      <Text className='page-section__title'>我的待办{mine.length ? `（${mine.length}）` : ''}</Text>
      <TodoList id='todo-mine' items={mine} empty={{ title: '暂无待办', description: '你的申请、异常报告、交接和每月安全自查会显示在这里' }} />
      <View className='approvals__history' id='todo-mine-history' onClick={() => void Taro.navigateTo({ url: routes.myApplications })}>
        <Text>查看我的全部申请 ›</Text>
      </View>
    </View>
  )
}

export default function ApprovalsPage() {
  return (
    <TabPage tab='approvals'>
      <SessionGate>{(person) => <Approvals person={person} />}</SessionGate>
    </TabPage>
  )
}
