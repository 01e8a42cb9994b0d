import { maskEmail, maskMobile } from './mask'

describe('masking contacts', () => {
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
  })
  it('hides short values entirely', () => {
    expect(maskMobile('12345')).toBe('*****')
  })
  it('keeps the first letter and the domain of an email', () => {
    expect(maskEmail('zhang.wei@corp.cn')).toBe('z***@corp.cn')
    expect(maskEmail('broken')).toBe('***')
  })
})
