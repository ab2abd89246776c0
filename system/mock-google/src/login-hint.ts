import { fail, type Outcome, ok } from '../../shared/outcome.ts'

export type AuthorizeParams = { clientId: string; redirectUri: string; state: string; loginHint?: string }

/**
 * The /o/oauth2/v2/auth URL. With `loginHint` it adds `prompt=none`, so mock-google (like Google for a
 * signed-in account) redirects straight back with a code: how scripts and API tests sign in.
 */
export function authorizeUrl(base: string, params: AuthorizeParams): string {
  const url = new URL(`${base.replace(/\/+$/, '')}/o/oauth2/v2/auth`)
  url.searchParams.set('client_id', params.clientId)
  url.searchParams.set('redirect_uri', params.redirectUri)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('scope', 'openid email profile')
  url.searchParams.set('state', params.state)
  if (params.loginHint !== undefined) {
    url.searchParams.set('login_hint', params.loginHint)
    url.searchParams.set('prompt', 'none')
  }
  return url.toString()
}

/**
 * Signs `loginHint` in without a browser and returns the authorization code, after checking that the
 * redirect carries our `state` back unchanged.
 */
export async function fetchAuthorizationCode(
  base: string,
  params: AuthorizeParams & { loginHint: string },
): Promise<Outcome<string, 'unreachable' | 'no_redirect' | 'denied' | 'state_mismatch'>> {
  let response: Response
  try {
    response = await fetch(authorizeUrl(base, params), { redirect: 'manual' })
  } catch (err) {
    return fail('unreachable', `mock-google at ${base}: ${(err as Error).message}`)
  }
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) {
    return fail(
      'no_redirect',
      `expected a 302 from mock-google, got ${response.status}: ${await response.text()}`,
    )
  }
  const query = new URL(location).searchParams
  if (query.get('state') !== params.state)
    return fail('state_mismatch', `state came back as ${query.get('state')}`)
  const code = query.get('code')
  if (!code) return fail('denied', `no code in the redirect (error=${query.get('error')})`)
  return ok(code)
}
