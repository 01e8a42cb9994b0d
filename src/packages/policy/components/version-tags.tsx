import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { PolicyVersionSummary } from '@contract'
import './policy.scss'

/** "第3版" or "草稿", and whether it is the version people must follow now or soon. */
export function versionName(version: Pick<PolicyVersionSummary, 'number'>): string {
  return version.number === null ? '草稿' : `第${version.number}版`
}

/** NutUI's Tag drops `id`, so each sits in a wrapper that has one: `<idPrefix>-number`, `-in-force`, `-upcoming`. */
export function VersionTags({ version, idPrefix }: { version: PolicyVersionSummary; idPrefix: string }) {
  return (
    <View className='policy-tags'>
      <View id={`${idPrefix}-number`} className='policy-tags__tag'>
        <Tag type={version.status === 'draft' ? 'warning' : 'primary'} plain>
          {versionName(version)}
        </Tag>
      </View>
      {version.inForce ? (
        <View id={`${idPrefix}-in-force`} className='policy-tags__tag'>
          <Tag type='success'>现行</Tag>
        </View>
      ) : null}
      {version.upcoming ? (
        <View id={`${idPrefix}-upcoming`} className='policy-tags__tag'>
          <Tag type='primary'>待生效</Tag>
        </View>
      ) : null}
    </View>
  )
}
