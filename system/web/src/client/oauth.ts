import type { PageConfig } from './page-config.ts'
import { randomId } from './random.ts'

/** Where Google sends the browser back; the server answers it with the page itself. */
export const CALLBACK_PATH = '/auth/callback'
export const OAUTH_STATE_KEY = 'aivideo.oauth'

type Pending = { state: string; returnTo: string }

export const callbackUri = (origin: string) => `${origin}${CALLBACK_PATH}`

/**
 * The authorize URL the Login button navigates to. A fresh random `state` (and the query to come back
 * to, e.g. `?transport=poll`) is kept in sessionStorage: only this tab can complete this sign-in.
 */
export function beginSignIn(
  config: Pick<PageConfig, 'googleAuthUrl' | 'googleClientId'>,
  storage: Storage,
  location: { origin: string; search: string },
): string {
  const pending: Pending = { state: randomId(), returnTo: location.search }
  storage.setItem(OAUTH_STATE_KEY, JSON.stringify(pending))
  const url = new URL(config.googleAuthUrl)
  url.search = new URLSearchParams({
    client_id: config.googleClientId,
    redirect_uri: callbackUri(location.origin),
    response_type: 'code',
    scope: 'openid email profile',
    state: pending.state,
  }).toString()
  return url.toString()
}

export type Callback =
  | { kind: 'none' }
  | { kind: 'code'; code: string; redirectUri: string; returnTo: string }
  | { kind: 'error'; message: string; returnTo: string }

/**
 * Reads Google's answer on the callback URL. The pending state is used up either way; a missing or
 * different `state` is refused without exchanging the code (it was not this tab's request).
 */
export function readCallback(url: URL, storage: Storage): Callback {
  if (url.pathname !== CALLBACK_PATH) return { kind: 'none' }
  const pending = takePending(storage)
  const returnTo = pending?.returnTo ?? ''
  const params = url.searchParams
  const state = params.get('state')
  if (!pending || !state || state !== pending.state) {
    return {
      kind: 'error',
      message:
        'Sign-in refused: the response does not match the login started in this tab. Please try again.',
      returnTo,
    }
  }
  const error = params.get('error')
  if (error)
    return { kind: 'error', message: `Google sign-in failed (${error}). Please try again.`, returnTo }
  const code = params.get('code')
  if (!code) return { kind: 'error', message: 'Google sign-in returned no code. Please try again.', returnTo }
  return { kind: 'code', code, redirectUri: callbackUri(url.origin), returnTo }
}

function takePending(storage: Storage): Pending | null {
  const raw = storage.getItem(OAUTH_STATE_KEY)
  storage.removeItem(OAUTH_STATE_KEY)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<Pending>
    return typeof value.state === 'string' && value.state.length > 0
      ? { state: value.state, returnTo: typeof value.returnTo === 'string' ? value.returnTo : '' }
      : null
  } catch {
    return null
  }
}
