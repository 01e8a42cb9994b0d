import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PersonSummary, RoundDetail } from '@contract'
import SpotCheckRoundPage from './index'
import { installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, head } from '../../../../test/doubles/people'
import { checkSummary, roundDetail } from '../../../../test/doubles/spot-checks'
import { byId, renderPagesAsH5, routeTo, shown } from '../../../../test/doubles/screen'

function open(viewer: PersonSummary, round: RoundDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/supervision/spot-check-round/index', { id: round.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'spotCheck.getRound': () => ok(round),
    ...handlers,
  })
}

async function shows() {
  render(<SpotCheckRoundPage />)
  await waitFor(() => byId('round-detail'))
}

renderPagesAsH5()

describe('a spot-check round', () => {
  it('shows how the sample was drawn, that drawing again gives the same, and whom it drew', async () => {
    const calls = open(head, roundDetail({ scoredCount: 1 }))
    await shows()
    expect(calls.callsTo('spotCheck.getRound')[0]?.payload).toEqual({ id: 'round-1' })
    expect(shown('watermark')).toBe(true)
    expect(byId('round-title').textContent).toBe('2026-03 · 销售部')
    expect(byId('round-created').textContent).toBe('李四发起 · 2026-03-02 10:00')
    expect(byId('round-seed').textContent).toBe('9f2c4a7be01d3356')
    expect(byId('round-sampled').textContent).toBe('3 人（要求 3 人）')
    expect(byId('round-candidates').textContent).toBe('候选 8 人，跳过近 3 个月内已抽查的 2 人')
    expect(byId('round-scored').textContent).toBe('1 / 3')
    expect(byId('round-reproducible').textContent).toBe('复核通过：用记录的种子和候选名单重新抽取，结果与本批一致')
    expect(byId('round-allocation-d-sales').textContent).toBe('可抽 6 人 · 抽中 3 人')
    expect(byId('round-check-round-1-p-zhang').textContent).toContain('张三')
    expect(byId('round-check-round-1-p-zhang').textContent).toContain('待评分')
    expect(byId('round-check-round-1-p-zhao').textContent).toContain('60 分')
    expect(byId('round-check-round-1-p-zhao').textContent).toContain('首次回复 40 分钟')
    expect(shown('round-checks-hidden')).toBe(false)

    fireEvent.click(byId('round-check-round-1-p-wang'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/supervision/spot-check/index?id=round-1-p-wang' })
  })

  it('says plainly when the recorded sample no longer matches', async () => {
    open(admin, roundDetail({ reproducible: false, force: true }))
    await shows()
    expect(byId('round-reproducible').textContent).toBe('复核未通过：重新抽取的结果与记录不一致，请联系管理员核查')
    expect(byId('round-candidates').textContent).toBe('候选 8 人，包括近期已抽查的人')
  })

  it('tells a head of one department how many of an admin’s round they do not see', async () => {
    const round = roundDetail({
      createdByName: '王五',
      departmentIds: ['d-sales', 'd-service'],
      departmentNames: ['销售部', '客服部'],
      sampledCount: 5,
      size: 5,
      checks: [checkSummary()],
      allocation: [
        { departmentId: 'd-sales', departmentName: '销售部', eligible: 6, sampled: 3 },
        { departmentId: 'd-service', departmentName: '客服部', eligible: 4, sampled: 2 },
      ],
    })
    open(head, round)
    await shows()
    expect(byId('round-title').textContent).toBe('2026-03 · 销售部、客服部')
    expect(byId('round-checks-hidden').textContent).toBe('另有 4 人不在你的查看范围')
    expect(byId('round-allocation-d-service').textContent).toBe('可抽 4 人 · 抽中 2 人')
  })
})
