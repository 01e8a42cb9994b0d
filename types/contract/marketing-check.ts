/**
 * 四.二.3: promotional material must not make false or unlawful claims. The same check runs in
 * the submission form (warnings as the author types) and on the server (flags recorded with the
 * item at submission), so author and reviewer see the same findings. Pure and dependency-free:
 * it ships in the mini program bundle.
 */

export const marketingFlagKinds = ['absolute', 'price', 'promise'] as const
export type MarketingFlagKind = (typeof marketingFlagKinds)[number]

export const marketingFlagKindLabels: Record<MarketingFlagKind, string> = {
  absolute: '绝对化用语',
  price: '价格信息',
  promise: '承诺性用语',
}

/** The admin-maintained word lists; price patterns are built in because they are shapes, not words. */
export interface MarketingTerms {
  /** Superlatives and absolute claims the Advertising Law forbids. */
  absolute: string[]
  /** Guarantees of returns or effect. */
  promise: string[]
  /** Everyday words that contain a listed term but claim nothing ("最近", "保证金"). */
  exceptions: string[]
}

export interface MarketingFlag {
  kind: MarketingFlagKind
  /** The text that matched, as the author wrote it. */
  term: string
  /** The match with some text either side, on one line; "…" where it was cut. */
  excerpt: string
  explanation: string
  /** Where the match starts in the checked text. */
  index: number
}

export const defaultMarketingTerms: MarketingTerms = {
  absolute: [
    '最',
    '最佳',
    '最好',
    '最低',
    '最高',
    '最优',
    '最强',
    '最大',
    '最先进',
    '全网最低',
    '第一',
    '唯一',
    '首个',
    '首选',
    '独家',
    '国家级',
    '世界级',
    '全球级',
    '顶级',
    '极品',
    '极致',
    '100%',
    '百分之百',
    '百分百',
    '万能',
    '绝对',
    '永久',
    '史无前例',
    '遥遥领先',
  ],
  promise: ['保证', '包赚', '稳赚', '稳赚不赔', '零风险', '无风险', '无效退款', '承诺收益', '保本', '保收益', '高回报', '躺赚', '包过', '根治', '立竿见影'],
  exceptions: [
    '最近',
    '最后',
    '最终',
    '最初',
    '最早',
    '最晚',
    '最少',
    '第一次',
    '第一天',
    '第一步',
    '第一时间',
    '第一季度',
    '第一批',
    '第一期',
    '第一周',
    '第一行',
    '第一条',
    '第一章',
    '第一页',
    '第一节',
    '第一阶段',
    '第一轮',
    '保证金',
    '绝对值',
  ],
}

/** Characters of context either side of a match in its excerpt. */
const CONTEXT = 12
/** A text full of hits needs rewriting, not a longer list; the rest add nothing. */
export const MAX_MARKETING_FLAGS = 50

const explanations: Record<MarketingFlagKind, (term: string) => string> = {
  absolute: (term) => `“${term}”属于绝对化用语，广告法禁止使用，请改为客观、可核实的表述`,
  price: (term) => `“${term}”涉及价格或优惠，须与公司审批的价格一致并写明适用条件，未经审批请删除`,
  promise: (term) => `“${term}”是对收益或效果的承诺，易构成虚假宣传，请删除或改为客观描述`,
}

/**
 * Full-width letters, digits and signs (１００％, ＲＭＢ) read as their ASCII forms, and ASCII
 * letters in lower case. One code unit in, one out, so positions in the result are positions
 * in the original.
 */
export function normalizeForCheck(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
    else if (code === 0x3000) code = 0x20
    if (code >= 0x41 && code <= 0x5a) code += 0x20
    out += String.fromCharCode(code)
  }
  return out
}

/** 原价199元 is one finding, not two; amounts and discounts on their own are findings too. */
const PRICE_WORDS = '原价|现价|特价|优惠价|折扣价|促销价|秒杀价|团购价|活动价|到手价|底价|清仓价'
const AMOUNT = '\\d[\\d,]*(?:\\.\\d+)?'
const pricePatterns: RegExp[] = [
  new RegExp(`(?:${PRICE_WORDS})(?:\\s*[:：]?\\s*(?:[¥￥]|rmb)?\\s*${AMOUNT}(?:\\s*(?:元|块钱))?)?`, 'g'),
  new RegExp(`(?:[¥￥]|rmb)\\s*${AMOUNT}(?:\\s*(?:万元|元|块钱))?`, 'g'),
  new RegExp(`${AMOUNT}\\s*(?:万元|千元|元|块钱)`, 'g'),
  // 一折腾, 对折叠: a numeral before 折 is a discount only when 折 does not start another word.
  /(?:\d+(?:\.\d+)?|[一二三四五六七八九])\s*折(?![腾叠断服射返旧损扣])/g,
  /打折|满\s*\d+\s*减\s*\d+/g,
]

interface Match {
  kind: MarketingFlagKind
  start: number
  end: number
}

function usableTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((t) => normalizeForCheck(t.trim())).filter((t) => t.length > 0))]
}

function termMatches(text: string, terms: readonly string[], kind: MarketingFlagKind): Match[] {
  const found: Match[] = []
  for (const term of usableTerms(terms)) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      found.push({ kind, start: at, end: at + term.length })
    }
  }
  return found
}

function priceMatches(text: string): Match[] {
  const found: Match[] = []
  for (const pattern of pricePatterns) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1
        continue
      }
      found.push({ kind: 'price', start: m.index, end: m.index + m[0].length })
    }
  }
  return found
}

/** Spans of the text that are exception words; a match wholly inside one is no claim. */
function exceptionSpans(text: string, exceptions: readonly string[]): Array<[number, number]> {
  return termMatches(text, exceptions, 'absolute').map((m) => [m.start, m.end])
}

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT)
  const to = Math.min(text.length, end + CONTEXT)
  const body = text.slice(from, to).replace(/\s+/g, ' ')
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`
}

/**
 * Every absolute claim, price and promise in the text, in reading order. Where findings
 * overlap the longest one that starts first wins ("最低" rather than "最"), so each stretch
 * of text is reported once.
 */
export function checkMarketingText(text: string, terms: MarketingTerms): MarketingFlag[] {
  if (!text || text.trim().length === 0) return []
  const normalized = normalizeForCheck(text)
  const spared = exceptionSpans(normalized, terms.exceptions)
  const candidates = [
    ...termMatches(normalized, terms.absolute, 'absolute'),
    ...termMatches(normalized, terms.promise, 'promise'),
    ...priceMatches(normalized),
  ]
    .map((m) => {
      // Amounts pick up trailing spaces ("99 元" is fine, "99 " is not a term).
      const raw = text.slice(m.start, m.end)
      return { ...m, end: m.start + raw.trimEnd().length }
    })
    .filter((m) => m.end > m.start && !spared.some(([s, e]) => s <= m.start && m.end <= e))
    .sort((a, b) => a.start - b.start || b.end - a.end)

  const flags: MarketingFlag[] = []
  let reachedTo = 0
  for (const m of candidates) {
    if (m.start < reachedTo) continue
    reachedTo = m.end
    const term = text.slice(m.start, m.end)
    flags.push({ kind: m.kind, term, excerpt: excerptOf(text, m.start, m.end), explanation: explanations[m.kind](term), index: m.start })
    if (flags.length === MAX_MARKETING_FLAGS) break
  }
  return flags
}

/** Counts per kind, for a one-line summary ("绝对化用语 2 处 · 价格信息 1 处"). */
export function summarizeMarketingFlags(flags: readonly Pick<MarketingFlag, 'kind'>[]): string {
  return marketingFlagKinds
    .map((kind) => ({ kind, n: flags.filter((f) => f.kind === kind).length }))
    .filter(({ n }) => n > 0)
    .map(({ kind, n }) => `${marketingFlagKindLabels[kind]} ${n} 处`)
    .join(' · ')
}
