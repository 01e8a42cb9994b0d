import { resetAppState } from '@/store/app'
import { fireEvent } from '@testing-library/react'

/** Page tests find elements by the ids the screens promise. */
export function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on screen`)
  return found
}

export function shown(id: string): boolean {
  return document.getElementById(id) !== null
}

/** Form ids sit on the field wrappers; the control is inside. */
export function control(id: string): HTMLInputElement | HTMLTextAreaElement {
  const found = byId(id).querySelector('input, textarea')
  if (!found) throw new Error(`#${id} has no control`)
  return found as HTMLInputElement | HTMLTextAreaElement
}

export function type(id: string, value: string): void {
  fireEvent.change(control(id), { target: { value } })
}

/** The message under a form field, or null when it has none. */
export function errorText(id: string): string | null {
  return document.getElementById(`${id}-error`)?.textContent ?? null
}

/** Opens a page as if navigated to with these query parameters. */
export function routeTo(useRouter: unknown, path: string, params: Record<string, string>): void {
  ;(useRouter as jest.Mock).mockReturnValue({ path, params })
}

/** Chooses a value in the picker inside `#id` (the n-th one when a field has several). */
export function pick(id: string, value: string, nth = 0): void {
  const pickers = byId(id).querySelectorAll('[data-picker-value]')
  const picker = pickers[nth]
  if (!picker) throw new Error(`#${id} has no picker ${nth}`)
  fireEvent(picker, new CustomEvent('pickerchange', { detail: { value } }))
}

/** The bounds and value a picker inside `#id` offers. */
export function pickerOf(id: string, nth = 0): { value?: string; start?: string; end?: string } {
  const picker = byId(id).querySelectorAll('[data-picker-value]')[nth] as HTMLElement | undefined
  if (!picker) throw new Error(`#${id} has no picker ${nth}`)
  return { value: picker.dataset.pickerValue, start: picker.dataset.pickerStart, end: picker.dataset.pickerEnd }
}

/**
 * Page tests render the H5 flavour with a fresh app store and fresh Taro doubles each
 * time; call once at the top of a test file.
 */
export function renderPagesAsH5(): void {
  beforeEach(() => {
    resetAppState()
    process.env.TARO_ENV = 'h5'
    jest.clearAllMocks()
  })
  afterEach(() => {
    delete process.env.TARO_ENV
  })
}
