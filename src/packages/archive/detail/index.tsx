import { useCallback, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, CellGroup } from '@nutui/nutui-react-taro'
import { archiveLocationLabels, type ArchiveDetail } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { deleteArchive, getArchive } from '@/services/archives'
import { messageOf, showSuccess } from '@/services/feedback'
import { SessionGate } from '@/components/session-gate'
import { ErrorState, InlineError, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { useLoaded } from '@/hooks/use-loaded'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { InfoCell } from '@/components/record/info-cell'
import { CategoryTag } from '../components/category-tag'
import { archiveEdit, archiveList } from '../paths'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../components/archive.scss'

function Detail({ record, deleting, deleteError, onDelete }: { record: ArchiveDetail; deleting: boolean; deleteError: string | null; onDelete: () => void }) {
  const edited = record.revision > 0
  return (
    <View className='account-page record archive-detail' id='archive-detail'>
      <Watermark />
      <View className='record__head card'>
        <View className='record__head-row'>
          <Text className='record__title' id='archive-detail-title' userSelect>
            {record.title}
          </Text>
          <CategoryTag id='archive-detail-category' category={record.category} />
        </View>
        <Text className='record__who' id='archive-detail-owner'>
          {record.ownerName} · {record.departmentName}
        </Text>
        <Text className='record__when'>
          登记于 {formatShanghaiTime(record.createdAt)}
          {edited ? ` · 修改于 ${formatShanghaiTime(record.updatedAt)}` : ''}
        </Text>
      </View>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='备份方式' id='archive-detail-location' value={archiveLocationLabels[record.location]} />
          <InfoCell title='存放位置' id='archive-detail-location-note' value={record.locationNote} multiline />
          <InfoCell title='备份日期' id='archive-detail-backed-up-on' value={record.backedUpOn} />
          <InfoCell title='相关客户' id='archive-detail-customer' value={record.customerName ?? '未填写'} />
          <InfoCell title='说明' id='archive-detail-description' value={record.description ?? '未填写'} multiline isLast />
        </CellGroup>
      </View>
      {record.canEdit || record.canDelete ? (
        <View className='record__submit record__buttons'>
          {record.canEdit ? (
            <Button className='record__button' id='archive-edit' type='primary' onClick={() => void Taro.navigateTo({ url: archiveEdit(record.id) })}>
              修改
            </Button>
          ) : null}
          {record.canDelete ? (
            <Button className='record__button' id='archive-delete' type='danger' fill='outline' loading={deleting} disabled={deleting} onClick={onDelete}>
              删除
            </Button>
          ) : null}
        </View>
      ) : null}
      <InlineError id='archive-delete-error' message={deleteError} />
    </View>
  )
}

function DetailScreen({ id }: { id: string }) {
  const load = useCallback(() => getArchive(id), [id])
  const { data, error, reload, setData } = useLoaded(load)
  const [deleting, setDeleting] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)

  // Keeps what is on screen while the newer copy loads; a failed refresh leaves it as it was.
  const refresh = useCallback(() => load().then(setData, () => undefined), [load, setData])
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })
  // Back from the edit form: show what was saved.
  useRefreshOnShow(() => void refresh())

  if (error) return <ErrorState id='archive-detail-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />

  const remove = async () => {
    if (deleting) return
    const mine = data.canEdit
    const answer = await Taro.showModal({
      title: '删除备份记录',
      content: mine ? `“${data.title}”的登记将被删除，备份文件本身不受影响。` : `将删除${data.ownerName}登记的“${data.title}”，操作会留档。`,
      confirmText: '删除',
      confirmColor: '#e34d59',
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    setDeleting(true)
    setDeleteError(null)
    try {
      await deleteArchive(data.id)
      showSuccess('已删除')
      // Opened from a message or a shared link there is no list below to go back to.
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: archiveList() }))
    } catch (err) {
      setDeleteError(messageOf(err))
      setDeleting(false)
    }
  }

  return <Detail record={data} deleting={deleting} deleteError={deleteError} onDelete={() => void remove()} />
}

export default function ArchiveDetailPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return <SessionGate>{() => (id ? <DetailScreen id={id} /> : <ErrorState id='archive-detail-error' message='缺少记录编号，请从列表重新打开' />)}</SessionGate>
}
