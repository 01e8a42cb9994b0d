import { act, render } from '@testing-library/react'
import { setAppState } from '@/store/app'
import { Watermark, watermarkText } from './index'
import { employee } from '../../../test/doubles/people'

describe('watermark', () => {
  it('names the viewer by name, the last four digits of their mobile and the date', () => {
    expect(watermarkText('张三', '138****0001', '2026-11-27')).toBe('张三 0001 2026-11-27')
  })

  it('tiles the viewer’s mark over the screen once signed in, and nothing before', () => {
    setAppState({ session: { kind: 'loading' } })
    const { container, rerender } = render(<Watermark />)
    expect(container.querySelector('#watermark')).toBeNull()
    act(() => setAppState({ session: { kind: 'bound', person: employee, policyToAcknowledge: null } }))
    rerender(<Watermark />)
    const texts = Array.from(container.querySelectorAll('.watermark__text'), (el) => el.textContent)
    expect(texts.length).toBeGreaterThanOrEqual(12)
    expect(new Set(texts)).toEqual(new Set([expect.stringMatching(/^张三 0001 \d{4}-\d{2}-\d{2}$/)]))
  })
})
