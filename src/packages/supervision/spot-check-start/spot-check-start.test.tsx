import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { errorMessages, type PersonSummary } from '@contract'
import SpotCheckStartPage from './index'
import { fail, installBackend, ok, type Handler } from '../../../../test/doubles/backend'
import { admin, employee, head } from '../../../../test/doubles/people'
import { roundDetail } from '../../../../test/doubles/spot-checks'
import { byId, control, errorText, renderPagesAsH5, shown, type } from '../../../../test/doubles/screen'

const departments = [
  { id: 'd-sales', name: '销售部', headId: 'p-li', headName: '李四', staffCount: 9 },
  { id: 'd-service', name: '客服部', headId: 'p-sun', headName: '孙八', staffCount: 7 },
]

function open(viewer: PersonSummary, handlers: Record<string, Handler> = {}) {
  return installBackend({
    'session.whoami': () => ok({ status: 'bound', person: viewer, policyToAcknowledge: null }),
    'roster.listDepartments': () => ok({ items: departments }),
    'spotCheck.startRound': () => ok(roundDetail({ id: 'round-9' })),
    ...handlers,
  })
}

async function shows() {
  render(<SpotCheckStartPage />)
  await waitFor(() => byId('round-form'))
}

renderPagesAsH5()

describe('starting a spot check', () => {
  it('gives a head their own department, with sensible defaults, and opens the round it drew', async () => {
    const calls = open(head)
    await shows()
    expect(byId('round-scope').textContent).toBe('抽查范围：销售部')
    expect(shown('round-departments')).toBe(false)
    expect(control('round-size').value).toBe('5')
    expect(control('round-exclude-months').value).toBe('3')
    fireEvent.click(byId('round-start'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/supervision/spot-check-round/index?id=round-9' }))
    expect(calls.callsTo('spotCheck.startRound')[0]?.payload).toEqual({ size: 5, excludeWithinMonths: 3, force: false })
    expect(calls.callsTo('roster.listDepartments')).toHaveLength(0)
  })

  it('checks the numbers as they are typed, with the server’s rules', async () => {
    const calls = open(head)
    await shows()
    type('round-size', '0')
    expect(errorText('round-size')).toBe('抽查人数须为1-200的整数')
    type('round-size', '201')
    expect(errorText('round-size')).toBe('抽查人数须为1-200的整数')
    type('round-size', '')
    expect(errorText('round-size')).toBe('抽查人数须为1-200的整数')
    type('round-exclude-months', '13')
    expect(errorText('round-exclude-months')).toBe('间隔月数须为0-12的整数')
    fireEvent.click(byId('round-start'))
    expect(calls.callsTo('spotCheck.startRound')).toHaveLength(0)

    type('round-size', '8')
    type('round-exclude-months', '0')
    expect(errorText('round-size')).toBeNull()
    expect(errorText('round-exclude-months')).toBeNull()
    fireEvent.click(byId('round-force'))
    fireEvent.click(byId('round-start'))
    await waitFor(() => expect(calls.callsTo('spotCheck.startRound')).toHaveLength(1))
    expect(calls.callsTo('spotCheck.startRound')[0]?.payload).toEqual({ size: 8, excludeWithinMonths: 0, force: true })
  })

  it('lets an admin choose departments, none meaning all', async () => {
    const calls = open(admin)
    await shows()
    await waitFor(() => byId('round-departments-d-sales'))
    expect(byId('round-departments-d-service').textContent).toBe('客服部 7人')
    fireEvent.click(byId('round-departments-d-service'))
    fireEvent.click(byId('round-departments-d-sales'))
    expect(byId('round-departments-d-sales').className).toContain('--chosen')
    fireEvent.click(byId('round-start'))
    await waitFor(() => expect(calls.callsTo('spotCheck.startRound')).toHaveLength(1))
    expect(calls.callsTo('spotCheck.startRound')[0]?.payload).toEqual({ size: 5, excludeWithinMonths: 3, force: false, departmentIds: ['d-service', 'd-sales'] })

    fireEvent.click(byId('round-departments-d-service'))
    fireEvent.click(byId('round-departments-d-sales'))
    fireEvent.click(byId('round-start'))
    await waitFor(() => expect(calls.callsTo('spotCheck.startRound')).toHaveLength(2))
    expect(calls.callsTo('spotCheck.startRound')[1]?.payload).toEqual({ size: 5, excludeWithinMonths: 3, force: false })
  })

  it('says what to do when nobody is left to draw', async () => {
    open(head, { 'spotCheck.startRound': () => fail('NO_SPOT_CHECK_CANDIDATES', errorMessages.NO_SPOT_CHECK_CANDIDATES) })
    await shows()
    fireEvent.click(byId('round-start'))
    await waitFor(() => byId('round-error'))
    expect(byId('round-error').textContent).toBe(`${errorMessages.NO_SPOT_CHECK_CANDIDATES}。可缩短间隔月数，或打开“包括近期已抽查的人”。`)
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('is not for employees', async () => {
    open(employee)
    render(<SpotCheckStartPage />)
    await waitFor(() => byId('forbidden-screen'))
    expect(shown('round-form')).toBe(false)
  })
})
