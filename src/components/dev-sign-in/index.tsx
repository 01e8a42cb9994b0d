import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, SearchBar, Tag } from '@nutui/nutui-react-taro'
import { listDevPeople, signInAs, signInAsVisitor, type DevPerson } from '@/services/dev'
import { messageOf, showError } from '@/services/feedback'
import { loadSession } from '@/store/session'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { RoleTag } from '@/components/role-tag'
import { useLoaded } from '@/hooks/use-loaded'
import './index.scss'

const PAGE_SIZE = 40

interface DepartmentGroup {
  name: string
  people: DevPerson[]
}

function matches(person: DevPerson, keyword: string): boolean {
  if (!keyword) return true
  return person.name.includes(keyword) || person.departmentName.includes(keyword)
}

function groupByDepartment(people: DevPerson[]): DepartmentGroup[] {
  const groups = new Map<string, DepartmentGroup>()
  for (const person of people) {
    const group = groups.get(person.departmentId) ?? { name: person.departmentName, people: [] }
    group.people.push(person)
    groups.set(person.departmentId, group)
  }
  return [...groups.values()]
}

/** H5 only: pick whom to be. The browser has no WeChat identity, so the local runtime lends one. */
export function DevSignIn() {
  const { data: people, error: loadError, reload } = useLoaded<DevPerson[]>(listDevPeople)
  const [keyword, setKeyword] = useState('')
  const [limit, setLimit] = useState(PAGE_SIZE)
  const [pending, setPending] = useState<string | null>(null)

  const filtered = useMemo(() => (people ?? []).filter((p) => matches(p, keyword.trim())), [people, keyword])
  const groups = useMemo(() => groupByDepartment(filtered.slice(0, limit)), [filtered, limit])

  const enter = async (key: string, signIn: () => Promise<unknown>) => {
    if (pending) return
    setPending(key)
    try {
      await signIn()
      await loadSession(true)
    } catch (err) {
      showError(err)
      setPending(null)
    }
  }

  return (
    <View className='dev-sign-in' id='dev-sign-in'>
      <View className='dev-sign-in__header'>
        <Text className='dev-sign-in__title'>选择登录身份</Text>
        <Text className='dev-sign-in__note' id='dev-sign-in-note'>
          仅限本地环境：浏览器里没有微信身份，请选择花名册中的一位人员登录。正式的微信小程序不会出现此页面。
        </Text>
      </View>

      <View className='dev-sign-in__search' id='dev-people-search'>
        <SearchBar
          placeholder='搜索姓名或部门'
          value={keyword}
          onChange={(value: string) => {
            setKeyword(value)
            setLimit(PAGE_SIZE)
          }}
          onClear={() => setKeyword('')}
        />
      </View>

      <View className='dev-sign-in__visitor'>
        <Button
          id='visitor-sign-in'
          block
          fill='outline'
          type='primary'
          loading={pending === 'visitor'}
          onClick={() => void enter('visitor', signInAsVisitor)}
        >
          以未绑定访客身份进入
        </Button>
      </View>

      {loadError ? (
        <ErrorState id='dev-people-error' message={loadError} onRetry={reload} />
      ) : people === null ? (
        <PageLoading />
      ) : filtered.length === 0 ? (
        <EmptyState
          id='dev-people-empty'
          title={people.length === 0 ? '本地花名册还没有人员' : '没有匹配的人员'}
          description={people.length === 0 ? '可以先以访客身份进入，或导入种子数据后刷新' : '换个关键词试试'}
        />
      ) : (
        <View className='dev-sign-in__list'>
          {groups.map((group) => (
            <CellGroup key={group.name} title={group.name}>
              {group.people.map((person, index) => (
                <View key={person.id} id={`person-${person.id}`}>
                  <Cell
                    clickable
                    isLast={index === group.people.length - 1}
                    align='center'
                    title={person.name}
                    description={pending === person.id ? '正在登录…' : undefined}
                    extra={
                      <View className='dev-sign-in__tags'>
                        <RoleTag role={person.role} />
                        {person.bound ? null : (
                          <Tag type='default' plain>
                            未绑定
                          </Tag>
                        )}
                      </View>
                    }
                    onClick={() => void enter(person.id, () => signInAs(person.id))}
                  />
                </View>
              ))}
            </CellGroup>
          ))}
          {filtered.length > limit ? (
            <View className='dev-sign-in__more'>
              <Button id='dev-people-more' size='small' fill='none' onClick={() => setLimit(limit + PAGE_SIZE)}>
                显示更多（还有 {filtered.length - limit} 人）
              </Button>
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}
