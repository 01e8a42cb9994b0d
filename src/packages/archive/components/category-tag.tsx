import { Text } from '@tarojs/components'
import { archiveCategoryLabels, archiveLocationLabels, type ArchiveCategory, type ArchiveRecord } from '@contract'
import { idProps } from '@/components/id-props'
import './archive.scss'

export function CategoryTag({ category, id }: { category: ArchiveCategory; id?: string }) {
  return (
    <Text {...idProps(id)} className={`archive-tag archive-tag--${category}`}>
      {archiveCategoryLabels[category]}
    </Text>
  )
}

/** "云端 · 公司网盘/合同/2026": how the backup was made and where to find it, in one line. */
export function whereLine(record: Pick<ArchiveRecord, 'location' | 'locationNote'>): string {
  return `${archiveLocationLabels[record.location]} · ${record.locationNote}`
}
