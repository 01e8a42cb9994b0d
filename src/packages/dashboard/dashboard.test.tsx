import { useState } from 'react'
import { fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { BarChart, LineChart, PieChart, shareText, type BarDatum, type LineDatum, type PieDatum } from './charts'
import { byId, renderPagesAsH5, shown } from '../../../test/doubles/screen'

// F2's `@antv/f2/jsx-runtime` entry re-exports its ES build; the CommonJS build has the same runtime.
jest.mock('@antv/f2/jsx-runtime', () => jest.requireActual('@antv/f2/lib/jsx/jsx-runtime'))

const demoBars: BarDatum[] = [
  { category: '销售部', series: '正常', value: 42 },
  { category: '销售部', series: '异常', value: 3 },
  { category: '客服部', series: '正常', value: 28 },
  { category: '客服部', series: '异常', value: 5 },
  { category: '市场部', series: '正常', value: 16 },
  { category: '市场部', series: '异常', value: 1 },
]

const demoSlices: PieDatum[] = [
  { category: '在用', value: 86 },
  { category: '冻结', value: 9 },
  { category: '已交接', value: 12 },
  { category: '已注销', value: 4 },
]

const demoTrend: LineDatum[] = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].flatMap((month, i) => [
  { month, series: '新增客户', value: [120, 132, 101, 134, 190, 230][i] },
  { month, series: '跟进次数', value: [220, 182, 191, 234, 290, 330][i] },
])

function monthLabel(month: string): string {
  return `${Number(month.slice(5))}月`
}

/** All three charts on one page, with switches for the empty and loading states. */
function Gallery() {
  const [selected, setSelected] = useState('')
  const [empty, setEmpty] = useState(false)
  const [loading, setLoading] = useState(false)
  return (
    <View>
      <Button id='dashboard-toggle-empty' onClick={() => setEmpty((v) => !v)}>
        {empty ? '显示数据' : '清空数据'}
      </Button>
      <Button id='dashboard-toggle-loading' onClick={() => setLoading((v) => !v)}>
        {loading ? '结束加载' : '模拟加载'}
      </Button>
      <Text id='dashboard-selected'>{selected ? `已选：${selected}` : '点按图表或数字查看明细'}</Text>
      <BarChart
        id='chart-accounts-by-department'
        title='各部门账号状态'
        data={empty ? [] : demoBars}
        loading={loading}
        unit='个'
        onSelect={(d) => setSelected(`${d.category} ${d.series ?? ''} ${d.value}`)}
      />
      <PieChart
        id='chart-account-share'
        title='账号状态占比'
        data={empty ? [] : demoSlices}
        loading={loading}
        unit='个'
        onSelect={(d) => setSelected(`${d.category} ${d.value}`)}
      />
      <LineChart
        id='chart-customer-trend'
        title='近六个月客户趋势'
        data={empty ? [] : demoTrend}
        loading={loading}
        monthLabel={monthLabel}
        onSelect={(d) => setSelected(`${monthLabel(d.month)} ${d.series} ${d.value}`)}
      />
    </View>
  )
}

renderPagesAsH5()

function rowsOf(id: string): string[] {
  return Array.from(byId(`${id}-values`).children).map((row) => row.textContent ?? '')
}

describe('dashboard charts', () => {
  it('lists every bar as text, stacked segments with their series', () => {
    render(<BarChart id='bars' title='各部门账号状态' data={demoBars} unit='个' />)
    expect(byId('bars-title').textContent).toBe('各部门账号状态')
    expect(rowsOf('bars')).toEqual(['销售部 · 正常42个', '销售部 · 异常3个', '客服部 · 正常28个', '客服部 · 异常5个', '市场部 · 正常16个', '市场部 · 异常1个'])
    expect(byId('bars-values').getAttribute('aria-label')).toBe('各部门账号状态数据')
    expect(byId('bars-canvas').tagName).toBe('CANVAS')
  })

  it('lists plain bars by category', () => {
    render(<BarChart id='bars' title='提交量' data={[{ category: '一月', value: 1234.5 }]} />)
    expect(rowsOf('bars')).toEqual(['一月1,234.5'])
  })

  it('gives each slice its share and the pie a total', () => {
    render(<PieChart id='pie' title='账号状态占比' data={demoSlices} unit='个' />)
    expect(rowsOf('pie')).toEqual(['在用86个（77.5%）', '冻结9个（8.1%）', '已交接12个（10.8%）', '已注销4个（3.6%）'])
    expect(byId('pie-total').textContent).toBe('合计 111个')
    expect(shareText(1, 3)).toBe('33.3%')
    expect(shareText(0, 0)).toBe('0%')
  })

  it('lists each series per month with the month label given', () => {
    render(<LineChart id='trend' title='趋势' data={demoTrend.slice(0, 4)} monthLabel={(m) => `${Number(m.slice(5))}月`} />)
    expect(rowsOf('trend')).toEqual(['6月 · 新增客户120', '6月 · 跟进次数220', '7月 · 新增客户132', '7月 · 跟进次数182'])
  })

  it('drills into the item when its text row is tapped', () => {
    const onBar = jest.fn()
    const onSlice = jest.fn()
    const onPoint = jest.fn()
    render(
      <>
        <BarChart id='bars' title='柱' data={demoBars} onSelect={onBar} />
        <PieChart id='pie' title='饼' data={demoSlices} onSelect={onSlice} />
        <LineChart id='trend' title='线' data={demoTrend} onSelect={onPoint} />
      </>,
    )
    fireEvent.click(byId('bars-value-3'))
    fireEvent.click(byId('pie-value-1'))
    fireEvent.click(byId('trend-value-11'))
    expect(onBar).toHaveBeenCalledWith({ category: '客服部', series: '异常', value: 5 })
    expect(onSlice).toHaveBeenCalledWith({ category: '冻结', value: 9 })
    expect(onPoint).toHaveBeenCalledWith({ month: '2026-11', series: '跟进次数', value: 330 })
    expect(byId('bars-value-0').getAttribute('role')).toBe('button')
  })

  it('keeps rows plain list items when nothing drills in', () => {
    render(<BarChart id='bars' title='柱' data={demoBars} />)
    expect(byId('bars-value-0').getAttribute('role')).toBe('listitem')
  })

  it('shows the empty state with the local picture and no canvas', () => {
    render(
      <>
        <BarChart id='bars' title='柱' data={[]} emptyText='本月还没有数据' />
        <PieChart id='pie' title='饼' data={[{ category: '在用', value: 0 }]} />
        <LineChart id='trend' title='线' data={[]} />
      </>,
    )
    for (const id of ['bars', 'pie', 'trend']) {
      expect(shown(`${id}-empty`)).toBe(true)
      expect(shown(`${id}-canvas`)).toBe(false)
      expect(shown(`${id}-values`)).toBe(false)
      // A local image, not NutUI's CDN default.
      expect(byId(`${id}-empty`).querySelector('img')?.getAttribute('src')).toBe('test-file-stub')
    }
    expect(byId('bars-empty').textContent).toContain('本月还没有数据')
    expect(byId('trend-empty').textContent).toContain('暂无数据')
  })

  it('shows a skeleton while loading, then the figures', () => {
    const { rerender } = render(<BarChart id='bars' title='柱' data={[]} loading />)
    expect(shown('bars-loading')).toBe(true)
    expect(shown('bars-empty')).toBe(false)
    expect(byId('bars').dataset.chartStatus).toBe('loading')
    rerender(<BarChart id='bars' title='柱' data={demoBars} />)
    expect(shown('bars-loading')).toBe(false)
    expect(rowsOf('bars')).toHaveLength(6)
  })

  it('falls back to the text version where no 2D canvas can be found', async () => {
    render(<BarChart id='bars' title='柱' data={demoBars} />)
    await waitFor(() => expect(byId('bars').dataset.chartStatus).toBe('unavailable'))
    expect(Taro.createSelectorQuery).toHaveBeenCalled()
    expect(rowsOf('bars')).toHaveLength(6)
  })

  it('stops looking for the canvas once the chart is gone', async () => {
    jest.useFakeTimers()
    try {
      const { unmount } = render(<PieChart id='pie' title='饼' data={demoSlices} />)
      jest.advanceTimersByTime(1)
      const looked = (Taro.createSelectorQuery as jest.Mock).mock.calls.length
      unmount()
      jest.advanceTimersByTime(1000)
      expect((Taro.createSelectorQuery as jest.Mock).mock.calls.length).toBe(looked)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('charts together', () => {
  it('renders all three charts with demo data and shows what was tapped', () => {
    render(<Gallery />)
    expect(rowsOf('chart-accounts-by-department')).toHaveLength(demoBars.length)
    expect(rowsOf('chart-account-share')).toHaveLength(demoSlices.length)
    expect(rowsOf('chart-customer-trend')).toHaveLength(demoTrend.length)
    fireEvent.click(byId('chart-account-share-value-2'))
    expect(byId('dashboard-selected').textContent).toBe('已选：已交接 12')
    fireEvent.click(byId('chart-customer-trend-value-0'))
    expect(byId('dashboard-selected').textContent).toBe('已选：6月 新增客户 120')
  })

  it('switches every chart to its empty and loading states', () => {
    render(<Gallery />)
    fireEvent.click(byId('dashboard-toggle-empty'))
    for (const id of ['chart-accounts-by-department', 'chart-account-share', 'chart-customer-trend']) expect(shown(`${id}-empty`)).toBe(true)
    fireEvent.click(byId('dashboard-toggle-loading'))
    for (const id of ['chart-accounts-by-department', 'chart-account-share', 'chart-customer-trend']) expect(shown(`${id}-loading`)).toBe(true)
  })
})
