import { useCallback } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CellGroup } from '@nutui/nutui-react-taro'
import type { RoundDetail } from '@contract'
import { formatShanghaiTime } from '@/services/accounts'
import { getRound } from '@/services/spot-checks'
import { SessionGate } from '@/components/session-gate'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { Watermark } from '@/components/watermark'
import { InfoCell } from '@/components/record/info-cell'
import { useLoaded } from '@/hooks/use-loaded'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { CheckRow } from '../spot-check-parts/check-row'
import { roundLine } from '../spot-check-parts/format'
import '@/components/record/page.scss'
import '@/components/record/record.scss'
import '../spot-check-parts/spot-check.scss'

function candidatesText(round: RoundDetail): string {
  if (round.force) return `候选 ${round.candidateCount} 人，包括近期已抽查的人`
  if (round.excludeWithinMonths === 0) return `候选 ${round.candidateCount} 人，不限间隔`
  return `候选 ${round.candidateCount} 人，跳过近 ${round.excludeWithinMonths} 个月内已抽查的 ${round.excludedCount} 人`
}

function Verdict({ round }: { round: RoundDetail }) {
  return round.reproducible ? (
    <Text className='spot-round__verdict spot-round__verdict--good' id='round-reproducible'>
      复核通过：用记录的种子和候选名单重新抽取，结果与本批一致
    </Text>
  ) : (
    <Text className='spot-round__verdict spot-round__verdict--bad' id='round-reproducible'>
      复核未通过：重新抽取的结果与记录不一致，请联系管理员核查
    </Text>
  )
}

function Detail({ round }: { round: RoundDetail }) {
  const hidden = round.sampledCount - round.checks.length
  return (
    <View className='account-page record spot-round' id='round-detail'>
      <Watermark />
      <View className='record__head card'>
        <Text className='record__title' id='round-title'>
          {roundLine(round)}
        </Text>
        <Text className='record__who' id='round-created'>
          {round.createdByName}发起 · {formatShanghaiTime(round.createdAt)}
        </Text>
        <Verdict round={round} />
      </View>

      <Text className='page-section__title'>抽样记录</Text>
      <View className='page-section'>
        <CellGroup>
          <InfoCell title='随机种子' value={<Text className='spot-round__seed'>{round.seed}</Text>} id='round-seed' />
          <InfoCell title='抽中' value={`${round.sampledCount} 人（要求 ${round.size} 人）`} id='round-sampled' />
          <InfoCell title='候选' value={candidatesText(round)} id='round-candidates' multiline />
          <InfoCell title='已评分' value={`${round.scoredCount} / ${round.sampledCount}`} id='round-scored' isLast />
        </CellGroup>
      </View>

      <Text className='page-section__title'>各部门抽取</Text>
      <View className='page-section'>
        <CellGroup>
          {round.allocation.map((a, index) => (
            <InfoCell
              key={a.departmentId}
              title={a.departmentName}
              value={`可抽 ${a.eligible} 人 · 抽中 ${a.sampled} 人`}
              id={`round-allocation-${a.departmentId}`}
              isLast={index === round.allocation.length - 1}
            />
          ))}
        </CellGroup>
      </View>

      <Text className='page-section__title'>抽中人员</Text>
      {hidden > 0 ? (
        <Text className='spot-round__hidden' id='round-checks-hidden'>
          另有 {hidden} 人不在你的查看范围
        </Text>
      ) : null}
      {round.checks.length === 0 ? (
        <EmptyState id='round-checks-empty' title='本部门无人被抽中' />
      ) : (
        <View className='account-list' id='round-checks'>
          {round.checks.map((check) => (
            <CheckRow key={check.id} check={check} id={`round-check-${check.id}`} />
          ))}
        </View>
      )}
    </View>
  )
}

function RoundScreen({ id }: { id: string }) {
  const load = useCallback(() => getRound(id), [id])
  const { data, error, reload, setData } = useLoaded(load)
  // Keeps the round on screen while the newer copy loads, e.g. back from scoring one of its checks.
  const refresh = useCallback(() => load().then(setData, () => undefined), [load, setData])
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })
  useRefreshOnShow(() => void refresh())
  if (error) return <ErrorState id='round-error' message={error} onRetry={reload} />
  if (!data) return <PageLoading />
  return <Detail round={data} />
}

export default function SpotCheckRoundPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? router.params.id : ''
  return (
    <SessionGate roles={['head', 'admin']}>
      {() => (id ? <RoundScreen id={id} /> : <ErrorState id='round-error' message='缺少批次编号，请从列表重新打开' />)}
    </SessionGate>
  )
}
