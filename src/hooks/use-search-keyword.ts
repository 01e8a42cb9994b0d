import { useCallback, useEffect, useState } from 'react'

export interface SearchKeyword {
  /** What is in the box right now. */
  draft: string
  /** What the list is searching for: the trimmed draft, once the user has paused or pressed search. */
  keyword: string
  setDraft: (value: string) => void
  /** Searches at once, without waiting for the pause. */
  search: (value: string) => void
  clear: () => void
}

const PAUSE_MS = 400

/** The text of a search box and the keyword it settles on. */
export function useSearchKeyword(): SearchKeyword {
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')

  // Search as the user pauses typing, not on every keystroke.
  useEffect(() => {
    if (draft.trim() === keyword) return undefined
    const timer = setTimeout(() => setKeyword(draft.trim()), PAUSE_MS)
    return () => clearTimeout(timer)
  }, [draft, keyword])

  const search = useCallback((value: string) => {
    setDraft(value)
    setKeyword(value.trim())
  }, [])
  const clear = useCallback(() => {
    setDraft('')
    setKeyword('')
  }, [])

  return { draft, keyword, setDraft, search, clear }
}
