import { z, ZodIssueCode, type ZodErrorMap } from 'zod'

/**
 * Chinese wording for zod's built-in checks, so a refusal reads the same on the phone
 * (validation as you type) and from the server (BAD_INPUT). Field-specific messages in
 * the schemas take precedence.
 */
export const chineseErrorMap: ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '此项为必填' }
      return { message: `类型不正确：应为${typeName(issue.expected)}` }
    case ZodIssueCode.unrecognized_keys:
      return { message: `包含不允许的字段：${issue.keys.join('、')}` }
    case ZodIssueCode.invalid_enum_value:
      return { message: `取值不正确，可选：${issue.options.join('、')}` }
    case ZodIssueCode.invalid_literal:
      return { message: '取值不正确' }
    case ZodIssueCode.invalid_union:
    case ZodIssueCode.invalid_union_discriminator:
      return { message: '内容格式不正确' }
    case ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: issue.minimum === 1 ? '不能为空' : `至少需要${issue.minimum}个字` }
      if (issue.type === 'array') return { message: `至少需要${issue.minimum}项` }
      return { message: `不能小于${issue.minimum}` }
    case ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `不能超过${issue.maximum}个字` }
      if (issue.type === 'array') return { message: `不能超过${issue.maximum}项` }
      return { message: `不能大于${issue.maximum}` }
    case ZodIssueCode.invalid_string:
      return { message: '格式不正确' }
    case ZodIssueCode.invalid_date:
      return { message: '日期不正确' }
    case ZodIssueCode.not_multiple_of:
      return { message: '数值不正确' }
    default:
      return { message: ctx.defaultError }
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    integer: '整数',
    boolean: '是/否',
    object: '对象',
    array: '列表',
    date: '日期',
  }
  return names[expected] ?? expected
}

z.setErrorMap(chineseErrorMap)
