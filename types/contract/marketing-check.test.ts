import { checkMarketingText, defaultMarketingTerms, normalizeForCheck, summarizeMarketingFlags, MAX_MARKETING_FLAGS, type MarketingTerms } from './marketing-check'

const terms = defaultMarketingTerms
const found = (text: string, t: MarketingTerms = terms) => checkMarketingText(text, t).map((f) => [f.kind, f.term])

describe('checkMarketingText', () => {
  it('finds nothing in empty or blank text, or in plain copy', () => {
    expect(checkMarketingText('', terms)).toEqual([])
    expect(checkMarketingText('   \n\t', terms)).toEqual([])
    expect(checkMarketingText('新款智能门锁本周上市，欢迎到店体验，详情请咨询您的客户经理。', terms)).toEqual([])
  })

  it('reports each absolute claim with its context and an explanation', () => {
    const flags = checkMarketingText('我们的门锁采用国家级安全标准，是您家门的最佳守护者。', terms)
    expect(flags).toEqual([
      {
        kind: 'absolute',
        term: '国家级',
        excerpt: '我们的门锁采用国家级安全标准，是您家门的最佳…',
        explanation: '“国家级”属于绝对化用语，广告法禁止使用，请改为客观、可核实的表述',
        index: 7,
      },
      {
        kind: 'absolute',
        term: '最佳',
        excerpt: '…家级安全标准，是您家门的最佳守护者。',
        explanation: '“最佳”属于绝对化用语，广告法禁止使用，请改为客观、可核实的表述',
        index: 20,
      },
    ])
  })

  it('reports the longest term where terms overlap, once', () => {
    expect(found('全网最低，放心购')).toEqual([['absolute', '全网最低']])
    expect(found('这是最好的选择')).toEqual([['absolute', '最好']])
    expect(found('最新款上市')).toEqual([['absolute', '最']])
  })

  it('leaves "最" alone inside everyday words, but not beside them', () => {
    expect(found('最近天气转凉，最后一批现货')).toEqual([])
    expect(found('第一次购买的客户请在第一时间联系我们')).toEqual([])
    expect(found('见合同第一条第一款')).toEqual([['absolute', '第一']])
    expect(found('最近最好的机会')).toEqual([['absolute', '最好']])
    expect(found('我们是行业第一')).toEqual([['absolute', '第一']])
    expect(found('请缴纳保证金后发货')).toEqual([])
    expect(found('我们保证质量')).toEqual([['promise', '保证']])
  })

  it('counts every occurrence, in reading order, across kinds', () => {
    const flags = checkMarketingText('顶级品质，稳赚不赔！顶级服务，原价199元，现价99元，限时8折。', terms)
    expect(flags.map((f) => [f.kind, f.term, f.index])).toEqual([
      ['absolute', '顶级', 0],
      ['promise', '稳赚不赔', 5],
      ['absolute', '顶级', 10],
      ['price', '原价199元', 15],
      ['price', '现价99元', 22],
      ['price', '8折', 30],
    ])
  })

  it('recognises prices however they are written', () => {
    expect(found('只要¥99')).toEqual([['price', '¥99']])
    expect(found('只要￥1,299.50')).toEqual([['price', '￥1,299.50']])
    expect(found('会员价 RMB 300 起')).toEqual([['price', 'RMB 300']])
    expect(found('每月仅需 39 元')).toEqual([['price', '39 元']])
    expect(found('首付3万元即可')).toEqual([['price', '3万元']])
    expect(found('全场九折，满300减50')).toEqual([
      ['price', '九折'],
      ['price', '满300减50'],
    ])
    expect(found('特价促销')).toEqual([['price', '特价']])
    expect(found('双十一打折')).toEqual([['price', '打折']])
  })

  it('does not take 折 in other words for a discount', () => {
    expect(found('这么一折腾就晚了')).toEqual([])
    expect(found('把资料对折叠好')).toEqual([])
    expect(found('房间号是3单元')).toEqual([])
  })

  it('reads full-width digits, percent signs and letters as their ASCII forms', () => {
    expect(normalizeForCheck('１００％ＡＢ')).toBe('100%ab')
    expect(found('有效率１００％')).toEqual([['absolute', '１００％']])
    expect(found('有效率100％')).toEqual([['absolute', '100％']])
    expect(found('仅售９９元')).toEqual([['price', '９９元']])
  })

  it('matches admin terms case-insensitively and ignores blank or duplicate terms', () => {
    const custom: MarketingTerms = { absolute: ['NO.1', ' ', 'no.1'], promise: [], exceptions: [] }
    expect(found('销量No.1', custom)).toEqual([['absolute', 'No.1']])
    expect(found('最好的', custom)).toEqual([])
  })

  it('lets admin exceptions spare a phrase, and only the phrase', () => {
    const custom: MarketingTerms = { ...terms, exceptions: [...terms.exceptions, '最多可选'] }
    expect(found('最多可选三件', custom)).toEqual([])
    expect(found('最多可选三件', terms)).toEqual([['absolute', '最']])
  })

  it('keeps excerpts on one line and marks where they were cut', () => {
    const [flag] = checkMarketingText('开头的说明文字比较长一些。\n然后是：万能钥匙\n结尾的说明文字也比较长。', terms)
    expect(flag).toMatchObject({ term: '万能', excerpt: '…字比较长一些。 然后是：万能钥匙 结尾的说明文字也比…' })
  })

  it('stops listing after a bounded number of findings', () => {
    expect(checkMarketingText('最'.repeat(80), terms)).toHaveLength(MAX_MARKETING_FLAGS)
  })

  it('summarises findings by kind', () => {
    expect(summarizeMarketingFlags(checkMarketingText('顶级品质，稳赚，特价', terms))).toBe('绝对化用语 1 处 · 价格信息 1 处 · 承诺性用语 1 处')
    expect(summarizeMarketingFlags([])).toBe('')
  })
})
