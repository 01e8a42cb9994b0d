import { routes } from '@/routes'

export function policyEditorPage(draftId: string): string {
  return `${routes.policyEditor}?id=${encodeURIComponent(draftId)}`
}

export function policyProgressPage(versionId?: string): string {
  return versionId ? `${routes.policyProgress}?versionId=${encodeURIComponent(versionId)}` : routes.policyProgress
}
