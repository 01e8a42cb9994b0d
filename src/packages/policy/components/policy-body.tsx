import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { chapterNumeral, sectionNumber, type PolicyDocument } from '@contract'
import './policy.scss'

interface PolicyBodyProps {
  document: PolicyDocument
  /**
   * The reader's copy is `policy-body` with sections `section-<key>`; other screens that may sit
   * under it in the H5 page stack pass their own ids, so a lookup by id finds the reader's.
   */
  bodyId?: string
  sectionIdPrefix?: string
}

/**
 * The policy as numbered text: "一、总则", "1.1 目的", "（1）…". Memoized because the reader
 * re-renders as the reading progress moves, and a long policy need not be drawn again for that.
 */
export const PolicyBody = memo(function PolicyBody({ document, bodyId = 'policy-body', sectionIdPrefix = 'section-' }: PolicyBodyProps) {
  return (
    <View id={bodyId} className='policy-body card'>
      {document.chapters.map((chapter, chapterIndex) => (
        <View key={chapter.key} className='policy-body__chapter'>
          <Text className='policy-body__chapter-title'>
            {chapterNumeral(chapterIndex)}、{chapter.title}
          </Text>
          {chapter.sections.map((section, sectionIndex) => (
            <View key={section.key} id={`${sectionIdPrefix}${section.key}`} className='policy-body__section'>
              <Text className='policy-body__heading'>
                {sectionNumber(chapterIndex, sectionIndex)} {section.heading}
              </Text>
              {section.clauses.map((clause, clauseIndex) => (
                <Clause key={clauseIndex} index={clauseIndex} text={clause} />
              ))}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
})

/** "（1）" hangs in its own column so wrapped lines align with the text, not the number. */
export function Clause({ index, text, className = '' }: { index: number; text: string; className?: string }) {
  return (
    <View className={`policy-clause ${className}`}>
      <Text className='policy-clause__number'>（{index + 1}）</Text>
      <Text className='policy-clause__text'>{text}</Text>
    </View>
  )
}
