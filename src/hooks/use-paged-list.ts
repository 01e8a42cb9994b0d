import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '@/services/feedback'

export interface Page<T> {
  items: T[]
  total: number
}

export interface PagedList<T> {
  items: T[]
  total: number
  /** 'loading' only for the first page; later pages show `loadingMore`. */
  status: 'loading' | 'ready' | 'error'
  error: string | null
  loadingMore: boolean
  moreError: string | null
  hasMore: boolean
  reload: () => void
  loadMore: () => void
}

/**
 * Page-by-page loading that appends. `key` names the query (filters, keyword): when it changes
 * the list starts over, and answers to an older query are dropped.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  pageSize = 20,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [error, setError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const loadFirst = useCallback(() => {
    const mine = ++generation.current
    setStatus('loading')
    setError(null)
    setMoreError(null)
    setLoadingMore(false)
    fetchRef
      .current(1, pageSize)
      .then((result) => {
        if (mine !== generation.current) return
        setItems(result.items)
        setTotal(result.total)
        setPage(1)
        setStatus('ready')
      })
      .catch((err: unknown) => {
        if (mine !== generation.current) return
        setError(messageOf(err))
        setStatus('error')
      })
  }, [pageSize])

  useEffect(() => {
    loadFirst()
  }, [key, loadFirst])

  const hasMore = status === 'ready' && items.length < total

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore) return
    const mine = generation.current
    setLoadingMore(true)
    setMoreError(null)
    fetchRef
      .current(page + 1, pageSize)
      .then((result) => {
        if (mine !== generation.current) return
        setItems((previous) => [...previous, ...result.items])
        setTotal(result.total)
        setPage(page + 1)
      })
      .catch((err: unknown) => {
        if (mine !== generation.current) return
        setMoreError(messageOf(err))
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false)
      })
  }, [hasMore, loadingMore, page, pageSize])

  return { items, total, status, error, loadingMore, moreError, hasMore, reload: loadFirst, loadMore }
}
