import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { InlineError } from '@/components/state-views'
import './form-field.scss'

interface FormFieldProps {
  /**
   * On the wrapper, because NutUI's inputs do not all pass ids through: the control is the
   * `input` or `textarea` inside `#id`, and the field's message is `#id-error`.
   */
  id: string
  label: string
  required?: boolean
  hint?: string
  error?: string | null
  /** For fields that open a chooser: a tap anywhere on the field, label included. */
  onTap?: () => void
  children: ReactNode
}

export function FormField({ id, label, required = false, hint, error = null, onTap, children }: FormFieldProps) {
  return (
    <View id={id} className={`form-field${error ? ' form-field--invalid' : ''}`} onClick={onTap}>
      <View className='form-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='form-field__required'>*</Text> : <Text className='form-field__optional'>（选填）</Text>}
      </View>
      <View className='form-field__control'>{children}</View>
      {hint && !error ? <Text className='form-field__hint'>{hint}</Text> : null}
      <InlineError id={`${id}-error`} message={error} />
    </View>
  )
}
