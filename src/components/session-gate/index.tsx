import type { ReactNode } from 'react'
import { useEffect } from 'react'
import type { PersonSummary, Role } from '@contract'
import { useAppState } from '@/store/app'
import { loadSession } from '@/store/session'
import { EmptyState, ErrorState, PageLoading } from '@/components/state-views'
import { loadDevSignIn } from '@/components/dev-only'
import { UnboundScreen } from './unbound-screen'
import { PolicyStop } from './policy-stop'

interface SessionGateProps {
  /** Roles allowed past the gate; the server enforces the same, this only spares a useless screen. */
  roles?: readonly Role[]
  /** The policy reader itself must open while the policy waits for acknowledgement. */
  allowPendingPolicy?: boolean
  children: (person: PersonSummary) => ReactNode
}

/** Every screen starts here: it knows who the caller is before it shows anything of theirs. */
export function SessionGate({ roles, allowPendingPolicy = false, children }: SessionGateProps) {
  const session = useAppState((s) => s.session)

  useEffect(() => {
    void loadSession()
  }, [])

  switch (session.kind) {
    case 'idle':
    case 'loading':
      return <PageLoading id='session-loading' />
    case 'signedOut': {
      const DevSignIn = loadDevSignIn()
      return DevSignIn ? <DevSignIn /> : <ErrorState id='session-error' message='请先登录' onRetry={() => void loadSession(true)} />
    }
    case 'unbound':
      return <UnboundScreen />
    case 'failed':
      return <ErrorState id='session-error' message={session.message} onRetry={() => void loadSession(true)} />
    case 'bound':
      if (roles && !roles.includes(session.person.role)) {
        return <EmptyState id='forbidden-screen' title='没有访问权限' description={roles.includes('head') ? '此功能仅向部门负责人和管理员开放' : '此功能仅向管理员开放'} />
      }
      if (session.policyToAcknowledge && !allowPendingPolicy) return <PolicyStop policy={session.policyToAcknowledge} />
      return <>{children(session.person)}</>
  }
}
