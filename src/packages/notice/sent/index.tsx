import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { Notice, Role } from '@contract'
import { listSentNotices } from '@/services/notices'
import { formatShanghaiTime } from '@/services/accounts'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useListPullDown } from '@/hooks/use-list-pull-down'
import { ListFooter } from '@/components/record/list-footer'
import { noticeDetail, routes } from '@/routes'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/notice.scss'

const PAGE_SIZE = 20

const fetchPage = (page: number, pageSize: number) => listSentNotices({ page, pageSize })

function Counts({ notice }: { notice: Notice }) {
  if (!notice.requireAck) {
    return (
      <View className='notice-list__tags'>
        <Tag type='default' plain>
          无需确认
        </Tag>
        <Tag type='default'>接收 {notice.recipientCount} 人</Tag>
      </View>
    )
  }
  const all = notice.acknowledgedCount >= notice.recipientCount
  return (
    <View className='notice-list__tags'>
      <Tag type={all ? 'success' : 'primary'}>
        已确认 {notice.acknowledgedCount}/{notice.recipientCount}
      </Tag>
      {notice.lateCount > 0 ? <Tag type='warning'>逾期确认 {notice.lateCount}</Tag> : null}
      {notice.overdueCount > 0 ? <Tag type='danger'>已逾期 {notice.overdueCount}</Tag> : null}
    </View>
  )
}

function Row({ notice, showSender }: { notice: Notice; showSender: boolean }) {
  return (
    <View className='account-list__row' id={`sent-notice-${notice.id}`} onClick={() => void Taro.navigateTo({ url: noticeDetail(notice.id) })}>
      <View className='account-list__row-head'>
        <Text className='account-list__title'>{notice.title}</Text>
      </View>
      <View className='account-list__meta'>
        {showSender ? <Text>{notice.senderName}</Text> : null}
        <Text>发给{notice.audienceLabel}</Text>
        <Text>{formatShanghaiTime(notice.sentAt)}</Text>
      </View>
      <Counts notice={notice} />
    </View>
  )
}

function SentNotices({ role }: { role: Role }) {
  const list = usePagedList('sent', fetchPage, PAGE_SIZE)
  useReachBottom(() => list.loadMore())
  // Back from a notice: acknowledgements may have come in meanwhile.
  useRefreshOnShow(list.reload)
  useListPullDown(list)
  // Admins see every sender's notices, so each row says whose it is.
  const showSender = role === 'admin'

  return (
    <View className='account-page notice-sent'>
      <View className='record__submit'>
        <Button id='sent-compose' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: routes.noticeCompose })}>
          发布工作通知
        </Button>
      </View>
      <Text className='page-section__title'>{showSender ? '全部已发通知' : '我发出的通知'}</Text>
      {list.status === 'loading' ? (
        <PageLoading />
      ) : list.status === 'error' ? (
        <ErrorState id='sent-notices-error' message={list.error ?? ''} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState id='sent-notices-empty' title='还没有发过通知' description='发出的工作通知及确认情况会显示在这里' />
      ) : (
        <View className='account-list' id='sent-notices-list'>
          {list.items.map((notice) => (
            <Row key={notice.id} notice={notice} showSender={showSender} />
          ))}
          <ListFooter list={list} idPrefix='sent-notices' />
        </View>
      )}
    </View>
  )
}

export default function SentNoticesPage() {
  return <SessionGate roles={['head', 'admin']}>{(person) => <SentNotices role={person.role} />}</SessionGate>
}
