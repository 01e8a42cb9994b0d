/**
 * DOM stand-ins for Taro's components, close enough for behaviour tests: events carry
 * `detail.value` as on the mini program, and open-type buttons answer a DOM event of the
 * same name (fire `new CustomEvent('getphonenumber', { detail })` on the button).
 */
import React, { forwardRef, useEffect, useRef, type ReactNode } from 'react'

interface AnyProps {
  children?: ReactNode
  className?: string
  id?: string
  style?: unknown
  [key: string]: unknown
}

/** Props that are Taro-only and would only produce React warnings on DOM elements. */
const taroOnly = new Set([
  'hoverClass',
  'hoverStyle',
  'hoverStartTime',
  'hoverStayTime',
  'hoverStopPropagation',
  'catchMove',
  'nativeProps',
  'formType',
  'openType',
  'onGetPhoneNumber',
  'onGetUserInfo',
  'onContact',
  'onChooseAvatar',
  'scrollY',
  'scrollX',
  'scrollTop',
  'scrollIntoView',
  'scrollWithAnimation',
  'onScrollToLower',
  'onScrollToUpper',
  'lowerThreshold',
  'upperThreshold',
  'enableBackToTop',
  'mode',
  'lazyLoad',
  'showMenuByLongpress',
  'placeholderClass',
  'placeholderStyle',
  'confirmType',
  'confirmHold',
  'cursorSpacing',
  'adjustPosition',
  'holdKeyboard',
  'autoHeight',
  'showCount',
  'maxlength',
  'password',
  'focus',
  'userSelect',
  'selectable',
  'decode',
  'space',
  'onConfirm',
  'onInput',
  'alwaysEmbed',
  'disableDefaultPadding',
  'fixed',
  'showConfirmBar',
  'selectionStart',
  'selectionEnd',
  'cursor',
  'size',
  'plain',
  'loading',
  'lang',
  'sessionFrom',
  'sendMessageTitle',
  'sendMessagePath',
  'sendMessageImg',
  'appParameter',
  'showMessageCard',
  'range',
  'rangeKey',
  'canvasId',
  'disableScroll',
])

/** Mini-program styles may use '-webkitMask'-style keys; React DOM wants 'WebkitMask'. */
function reactStyle(style: unknown): unknown {
  if (typeof style !== 'object' || style === null) return style
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(style)) {
    const name = key.startsWith('-') ? key.slice(1).replace(/^./, (c) => c.toUpperCase()) : key
    out[name] = value
  }
  return out
}

/** Taro spells accessibility props in camel case (ariaChecked, ariaRole); the DOM wants aria-checked and role. */
function domName(key: string): string {
  if (key === 'ariaRole') return 'role'
  return /^aria[A-Z]/.test(key) ? `aria-${key.slice(4).toLowerCase()}` : key
}

function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || taroOnly.has(key)) continue
    if (key === 'style' && typeof value === 'string') continue
    out[domName(key)] = key === 'style' ? reactStyle(value) : value
  }
  return out
}

function element(tag: string, displayName: string) {
  const Component = forwardRef<HTMLElement, AnyProps>((props, ref) =>
    React.createElement(tag, { ...domProps(props), ref }, props.children as ReactNode),
  )
  Component.displayName = displayName
  return Component
}

export const View = element('div', 'View')
export const Text = element('span', 'Text')
export const Label = element('label', 'Label')
export const Form = element('form', 'Form')
export const Block = ({ children }: AnyProps) => <>{children}</>
export const RichText = element('div', 'RichText')
export const Swiper = element('div', 'Swiper')
export const SwiperItem = element('div', 'SwiperItem')
export const CoverView = element('div', 'CoverView')
export const CoverImage = element('img', 'CoverImage')
export const Icon = element('i', 'Icon')
export const Navigator = element('a', 'Navigator')
/** A plain <canvas>: jsdom has no 2D context, so charts fall back to their text version. */
export const Canvas = element('canvas', 'Canvas')

export const ScrollView = forwardRef<HTMLDivElement, AnyProps>((props, ref) => (
  <div {...domProps(props)} ref={ref} data-scroll-view="true">
    {props.children as ReactNode}
  </div>
))
ScrollView.displayName = 'ScrollView'

export const Image = forwardRef<HTMLImageElement, AnyProps>((props, ref) => (
  <img {...domProps(props)} ref={ref} alt={typeof props.alt === 'string' ? props.alt : ''} />
))
Image.displayName = 'Image'

function valueEvent(target: HTMLInputElement | HTMLTextAreaElement) {
  return { detail: { value: target.value }, target, currentTarget: target }
}

type Handler = ((event: unknown) => void) | undefined

export const Input = forwardRef<HTMLInputElement, AnyProps>((props, ref) => {
  const onInput = props.onInput as Handler
  const onConfirm = props.onConfirm as Handler
  const onFocus = props.onFocus as Handler
  const onBlur = props.onBlur as Handler
  const { value, type, password, placeholder, disabled, maxlength } = props
  return (
    <input
      {...domProps(props)}
      ref={ref}
      type={password ? 'password' : type === 'number' || type === 'digit' || type === 'idcard' ? 'text' : (type as string) || 'text'}
      value={value === undefined ? undefined : String(value ?? '')}
      placeholder={placeholder as string | undefined}
      disabled={Boolean(disabled)}
      maxLength={typeof maxlength === 'number' && maxlength >= 0 ? maxlength : undefined}
      onChange={(e) => onInput?.(valueEvent(e.currentTarget))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.(valueEvent(e.currentTarget))
      }}
      onFocus={(e) => onFocus?.(valueEvent(e.currentTarget))}
      onBlur={(e) => onBlur?.(valueEvent(e.currentTarget))}
    />
  )
})
Input.displayName = 'Input'

export const Textarea = forwardRef<HTMLTextAreaElement, AnyProps>((props, ref) => {
  const onInput = props.onInput as Handler
  const onFocus = props.onFocus as Handler
  const onBlur = props.onBlur as Handler
  const { value, placeholder, disabled } = props
  return (
    <textarea
      {...domProps(props)}
      ref={ref}
      value={value === undefined ? undefined : String(value ?? '')}
      placeholder={placeholder as string | undefined}
      disabled={Boolean(disabled)}
      onChange={(e) => onInput?.(valueEvent(e.currentTarget))}
      onFocus={(e) => onFocus?.(valueEvent(e.currentTarget))}
      onBlur={(e) => onBlur?.(valueEvent(e.currentTarget))}
    />
  )
})
Textarea.displayName = 'Textarea'

/** Open-type events the mini program delivers to a button, keyed by the DOM event name tests fire. */
const openTypeEvents: Record<string, string> = {
  getPhoneNumber: 'getphonenumber',
  getUserInfo: 'getuserinfo',
  chooseAvatar: 'chooseavatar',
}
const openTypeHandlers: Record<string, string> = {
  getPhoneNumber: 'onGetPhoneNumber',
  getUserInfo: 'onGetUserInfo',
  chooseAvatar: 'onChooseAvatar',
}

export const Button = forwardRef<HTMLButtonElement, AnyProps>((props, ref) => {
  const inner = useRef<HTMLButtonElement | null>(null)
  const openType = typeof props.openType === 'string' ? props.openType : undefined
  const handler = openType ? (props[openTypeHandlers[openType] ?? ''] as Handler) : undefined
  const handlerRef = useRef(handler)
  handlerRef.current = handler
  useEffect(() => {
    const node = inner.current
    const eventName = openType ? openTypeEvents[openType] : undefined
    if (!node || !eventName) return undefined
    const listener = (event: Event) => handlerRef.current?.({ detail: (event as CustomEvent).detail, type: eventName })
    node.addEventListener(eventName, listener)
    return () => node.removeEventListener(eventName, listener)
  }, [openType])
  return (
    <button
      {...domProps(props)}
      type={props.formType === 'submit' ? 'submit' : 'button'}
      data-open-type={openType}
      disabled={Boolean(props.disabled)}
      ref={(node) => {
        inner.current = node
        if (typeof ref === 'function') ref(node)
        else if (ref) ref.current = node
      }}
    >
      {props.children as ReactNode}
    </button>
  )
})
Button.displayName = 'Button'

/**
 * A picker is a wrapper around what it shows; tests choose a value by firing
 * `new CustomEvent('pickerchange', { detail: { value } })` on it, as the mini program's change event would deliver.
 */
export const Picker = forwardRef<HTMLDivElement, AnyProps>((props, ref) => {
  const inner = useRef<HTMLDivElement | null>(null)
  const onChange = props.onChange as Handler
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  useEffect(() => {
    const node = inner.current
    if (!node) return undefined
    const listener = (event: Event) => onChangeRef.current?.({ detail: (event as CustomEvent).detail, type: 'change' })
    node.addEventListener('pickerchange', listener)
    return () => node.removeEventListener('pickerchange', listener)
  }, [])
  const { onChange: _ignored, start, end, value, ...rest } = props
  return (
    <div
      {...domProps(rest)}
      data-picker-value={value === undefined ? undefined : String(value)}
      data-picker-start={start === undefined ? undefined : String(start)}
      data-picker-end={end === undefined ? undefined : String(end)}
      ref={(node) => {
        inner.current = node
        if (typeof ref === 'function') ref(node)
        else if (ref) ref.current = node
      }}
    >
      {props.children as ReactNode}
    </div>
  )
})
Picker.displayName = 'Picker'

export interface ITouchEvent<T = unknown> {
  detail: T
  target: unknown
  currentTarget: unknown
  stopPropagation: () => void
  preventDefault: () => void
}
export type CommonEvent<T = unknown> = ITouchEvent<T>
export type BaseEventOrig<T = unknown> = ITouchEvent<T>
