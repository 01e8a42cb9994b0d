import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary, type SpotCheckDetail } from '@contract'
import SpotCheckPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { employee, head, person } from '../../../../test/doubles/people'
import { checkDetail, scoredCheck } from '../../../../test/doubles/spot-checks'
import { byId, control, errorText, renderPagesAsH5, routeTo, shown, type } from '../../../../test/doubles/screen'

const FILE_ID = 'cloud://local-env.bucket/o-li/spot-checks/202603/1-abc.png'
const checker = person({ id: 'p-li', name: '李四', role: 'head' })

function open(viewer: PersonSummary, detail: SpotCheckDetail, handlers: Record<string, Handler> = {}) {
  routeTo(Taro.useRouter, '/packages/supervision/spot-check/index', { id: detail.id })
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'spotCheck.get': () => ok(detail),
    'POST /api/storage/upload': () => ok({ fileID: FILE_ID }),
    'POST /api/storage/temp-urls': ({ fileList }) => ok({ fileList: fileList.map((fileID: string) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}` })) }),
    ...handlers,
  })
}

async function shows() {
  render(<SpotCheckPage />)
  await waitFor(() => byId('spot-check'))
}

function rate(clarity: number, courtesy: number, info: number) {
  fireEvent.click(byId(`check-clarity-${clarity}`))
  fireEvent.click(byId(`check-courtesy-${courtesy}`))
  fireEvent.click(byId(`check-info-${info}`))
}

renderPagesAsH5()
beforeEach(() => {
  let made = 0
  URL.createObjectURL = jest.fn(() => `blob:local-${++made}`)
})

describe('scoring a spot check', () => {
  it('shows whom it is of, under a watermark, with the scoring form for the checker', async () => {
    open(checker, checkDetail())
    await shows()
    expect(byId('check-person').textContent).toBe('张三')
    expect(byId('check-status').textContent).toBe('待评分')
    expect(byId('check-department').textContent).toBe('销售部 · 2026-03 抽查')
    expect(byId('check-checker').textContent).toBe('评分人：李四')
    expect(shown('watermark')).toBe(true)
    expect(shown('check-form')).toBe(true)
    expect(shown('check-waiting') || shown('check-result') || shown('check-comment-form')).toBe(false)
    for (const id of ['check-clarity', 'check-courtesy', 'check-info']) {
      for (let n = 0; n <= 5; n += 1) expect(shown(`${id}-${n}`)).toBe(true)
      expect(shown(`${id}-6`)).toBe(false)
    }
  })

  it('checks each part as it is filled in, and sends nothing while something is wrong', async () => {
    const calls = open(checker, checkDetail())
    await shows()
    fireEvent.click(byId('check-submit'))
    expect(errorText('check-first-reply')).toBe('请填写首次回复用时，或选择“未观察到”')
    expect(errorText('check-clarity')).toBe('请为此项打分')
    expect(errorText('check-courtesy')).toBe('请为此项打分')
    expect(errorText('check-info')).toBe('请为此项打分')
    expect(errorText('check-notes')).toBeNull()
    expect(Taro.showModal).not.toHaveBeenCalled()

    type('check-first-reply', '1441')
    expect(errorText('check-first-reply')).toBe('首次回复用时须为0-1440的整数分钟')
    type('check-first-reply', '12')
    expect(errorText('check-first-reply')).toBeNull()
    // Not observed: the minutes field no longer counts.
    type('check-first-reply', '')
    fireEvent.click(byId('check-first-reply-unobserved'))
    expect(errorText('check-first-reply')).toBeNull()
    expect((control('check-first-reply') as HTMLInputElement).disabled).toBe(true)

    expect(byId('check-percent-preview').textContent).toBe('三项打分后显示沟通评分')
    rate(4, 4, 5)
    expect(errorText('check-clarity')).toBeNull()
    expect(byId('check-clarity-4').className).toContain('choice-chips__chip--active')
    expect(byId('check-percent-preview').textContent).toBe('沟通评分 86.7 分')

    // The box stops at the limit the server applies.
    type('check-notes', '评'.repeat(501))
    expect(control('check-notes').value).toHaveLength(500)
    expect(errorText('check-notes')).toBeNull()
    fireEvent.click(byId('check-first-reply-unobserved'))
    type('check-first-reply', '2000')
    fireEvent.click(byId('check-submit'))
    expect(errorText('check-first-reply')).toBe('首次回复用时须为0-1440的整数分钟')
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(calls.callsTo('spotCheck.score')).toHaveLength(0)
  })

  it('sends the score with its screenshots after a confirmation, and shows the result', async () => {
    const scored = scoredCheck({ available: [], screenshots: [FILE_ID] })
    const calls = open(checker, checkDetail(), { 'spotCheck.score': () => ok(scored) })
    await shows()
    type('check-first-reply', ' 12 ')
    rate(4, 4, 5)
    type('check-notes', '  回复及时，报价说明清楚 ')
    const input = byId('check-upload').querySelector('input[type=file]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [new File(['png'], 'chat.png', { type: 'image/png' })] } })
    await waitFor(() => expect(byId('check-shot-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1-abc.png'))
    expect((calls.callsTo('POST /api/storage/upload')[0]?.payload as { cloudPath: string }).cloudPath).toMatch(/^spot-checks\/\d{6}\/\d+-[a-z0-9]+\.png$/)

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(byId('check-submit'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect((Taro.showModal as jest.Mock).mock.calls[0]?.[0]).toMatchObject({ content: '沟通评分 86.7 分。提交后不能修改，员工会收到结果。' })
    expect(calls.callsTo('spotCheck.score')).toHaveLength(0)

    fireEvent.click(byId('check-submit'))
    await waitFor(() => byId('check-result'))
    expect(calls.callsTo('spotCheck.score')[0]?.payload).toEqual({
      id: 'round-1-p-zhang',
      firstReplyMinutes: 12,
      rubric: { clarity: 4, courtesy: 4, infoHandling: 5 },
      notes: '回复及时，报价说明清楚',
      screenshots: [FILE_ID],
    })
    expect(shown('check-form')).toBe(false)
    expect(byId('check-status').textContent).toBe('已评分')
    expect(byId('check-percent').textContent).toBe('86.7 分')
    expect(byId('check-first-reply-value').textContent).toBe('12 分钟')
    expect(byId('check-info-value').textContent).toBe('5 / 5')
    expect(byId('check-scored-at').textContent).toBe('2026-03-04 15:30')
    expect(byId('check-notes-value').textContent).toBe('回复及时，报价说明清楚')
    await waitFor(() => expect(byId('check-shots-0').querySelector('img')?.getAttribute('src')).toBe('https://tmp.example/1-abc.png'))
  })

  it('sends null minutes when no first reply was observed', async () => {
    const calls = open(checker, checkDetail(), { 'spotCheck.score': () => ok(scoredCheck({ firstReplyMinutes: null, available: [] })) })
    await shows()
    fireEvent.click(byId('check-first-reply-unobserved'))
    rate(5, 5, 5)
    fireEvent.click(byId('check-submit'))
    await waitFor(() => byId('check-result'))
    expect(calls.callsTo('spotCheck.score')[0]?.payload).toEqual({ id: 'round-1-p-zhang', firstReplyMinutes: null, rubric: { clarity: 5, courtesy: 5, infoHandling: 5 }, notes: '', screenshots: [] })
    expect(byId('check-first-reply-value').textContent).toBe('未观察到')
  })

  it('reloads and says so when someone else scored it first', async () => {
    let current = checkDetail()
    open(checker, current, {
      'spotCheck.get': () => ok(current),
      'spotCheck.score': () => {
        current = scoredCheck({ scoredByName: '王五', available: [] })
        return fail('INVALID_STATE', errorMessages.INVALID_STATE)
      },
    })
    await shows()
    type('check-first-reply', '30')
    rate(3, 3, 3)
    fireEvent.click(byId('check-submit'))
    await waitFor(() => expect(byId('check-notice').textContent).toBe('这次抽查已被他人处理，已为你刷新为最新状态'))
    await waitFor(() => expect(byId('check-scored-by').textContent).toBe('王五'))
    expect(shown('check-form')).toBe(false)
  })

  it('shows a head who does not score it that it waits for the checker', async () => {
    open(head, checkDetail({ checkerName: '王五', available: [] }))
    await shows()
    expect(byId('check-waiting').textContent).toBe('等待王五评分')
    expect(shown('check-form') || shown('check-comment-form')).toBe(false)
  })
})

describe('the person’s result', () => {
  it('shows the result and takes one answer, checked as typed', async () => {
    const answered = scoredCheck({ employeeComment: '当天客户在外地，已电话先行回复', commentedAt: '2026-03-05T01:00:00.000Z', commented: true, available: [] })
    const calls = open(employee, scoredCheck(), { 'spotCheck.comment': () => ok(answered) })
    await shows()
    expect(shown('watermark')).toBe(true)
    expect(byId('check-percent-big').textContent).toBe('86.7 分')
    expect(byId('check-clarity-value').textContent).toBe('4 / 5')
    expect(shown('check-form')).toBe(false)
    expect(shown('check-comment-value')).toBe(false)

    fireEvent.click(byId('check-comment-submit'))
    expect(errorText('check-comment')).toBe('请写下你的意见（至少2个字）')
    type('check-comment', '好')
    expect(errorText('check-comment')).toBe('请写下你的意见（至少2个字）')
    type('check-comment', '  当天客户在外地，已电话先行回复 ')
    expect(errorText('check-comment')).toBeNull()
    fireEvent.click(byId('check-comment-submit'))
    await waitFor(() => byId('check-comment-value'))
    expect(calls.callsTo('spotCheck.comment')[0]?.payload).toEqual({ id: 'round-1-p-zhang', comment: '当天客户在外地，已电话先行回复' })
    expect(byId('check-comment-value').textContent).toBe('当天客户在外地，已电话先行回复')
    expect(shown('check-comment-form')).toBe(false)
  })

  it('says why a check cannot be opened', async () => {
    open(employee, checkDetail(), { 'spotCheck.get': () => fail('NOT_FOUND', errorMessages.NOT_FOUND) })
    render(<SpotCheckPage />)
    await waitFor(() => expect(byId('check-error').textContent).toContain(errorMessages.NOT_FOUND))
  })
})
