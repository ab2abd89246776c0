import type { TokenResponse } from '../../../shared/schemas/auth.ts'
import type { ApiClient, ApiResult } from '../api-client.ts'

export const REFRESH_TOKEN_KEY = 'aivideo.refresh_token'
export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please log in again.'

export type RestoreOutcome = 'none' | 'restored' | 'expired' | 'unreachable'

/**
 * The signed-in session: the access token lives in memory only, the refresh token in localStorage so
 * that a reload signs in again through POST /auth/refresh. A 401 is retried once after a refresh; when
 * the refresh is refused too, the session ends and `onExpired` tells the page.
 */
export function createSession(opts: { storage: Storage; onExpired: (message: string) => void }) {
  let accessToken: string | null = null
  let client: Pick<ApiClient, 'refresh' | 'signInWithGoogle'> | undefined
  let refreshing: Promise<'ok' | 'refused' | 'unreachable'> | undefined

  const keep = (tokens: TokenResponse) => {
    accessToken = tokens.access_token
    opts.storage.setItem(REFRESH_TOKEN_KEY, tokens.refresh_token)
  }
  const clear = () => {
    accessToken = null
    opts.storage.removeItem(REFRESH_TOKEN_KEY)
  }
  const api = () => {
    if (!client) throw new Error('session.attach(client) first')
    return client
  }

  /** One refresh at a time: concurrent 401s share it. */
  function refresh(): Promise<'ok' | 'refused' | 'unreachable'> {
    refreshing ??= (async () => {
      const token = opts.storage.getItem(REFRESH_TOKEN_KEY)
      if (!token) return 'refused' as const
      const r = await api().refresh(token)
      if (r.ok) {
        keep(r.value)
        return 'ok' as const
      }
      if (r.status === 0 || r.status >= 500) return 'unreachable' as const
      clear()
      return 'refused' as const
    })().finally(() => {
      refreshing = undefined
    })
    return refreshing
  }

  return {
    /** The client is made with this session's getToken, then handed back here. */
    attach(c: Pick<ApiClient, 'refresh' | 'signInWithGoogle'>) {
      client = c
    },
    getToken: () => accessToken,
    hasStoredSession: () => opts.storage.getItem(REFRESH_TOKEN_KEY) !== null,

    async signIn(code: string, redirectUri: string): Promise<ApiResult<void>> {
      const r = await api().signInWithGoogle({ code, redirect_uri: redirectUri })
      if (!r.ok) return r
      keep(r.value)
      return { ok: true, value: undefined }
    },

    /** After a reload: trade the stored refresh token for a new access token. */
    async restore(): Promise<RestoreOutcome> {
      if (!opts.storage.getItem(REFRESH_TOKEN_KEY)) return 'none'
      const r = await refresh()
      return r === 'ok' ? 'restored' : r === 'refused' ? 'expired' : 'unreachable'
    },

    /** Runs an authenticated call; on 401 refreshes once and retries, else ends the session. */
    async authed<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
      const first = await call()
      if (first.ok || first.status !== 401) return first
      const r = await refresh()
      if (r === 'ok') {
        const second = await call()
        if (second.ok || second.status !== 401) return second
      }
      if (r !== 'unreachable') {
        clear()
        opts.onExpired(SESSION_EXPIRED_MESSAGE)
      }
      return first
    },

    signOut: clear,
  }
}
export type Session = ReturnType<typeof createSession>
