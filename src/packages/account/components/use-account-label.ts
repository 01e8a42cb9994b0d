import { useEffect, useState } from 'react'
import { getAccount } from '@/services/accounts'

/**
 * The WeChat ID to show for an account. Links from the registry carry it; a form opened
 * any other way (a shared link, a message) looks it up, showing the account id meanwhile.
 */
export function useAccountLabel(accountId: string, wechatIdFromLink: string): string {
  const [label, setLabel] = useState(wechatIdFromLink || accountId)
  useEffect(() => {
    if (wechatIdFromLink) return
    let current = true
    getAccount(accountId).then(
      (account) => {
        if (current) setLabel(account.wechatId)
      },
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [accountId, wechatIdFromLink])
  return label
}
