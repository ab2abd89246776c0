import { z } from 'zod'
import { fail, type Outcome, ok } from '../../shared/outcome.ts'

export const AUTHORIZE_PATH = '/o/oauth2/v2/auth'
export const CHOOSE_PATH = '/o/oauth2/v2/auth/choose'
export const DEFAULT_SCOPE = 'openid email profile'

/** A validated authorization request: only once it holds may we redirect to `redirectUri`. */
export type AuthorizeRequest = {
  clientId: string
  redirectUri: string
  scope: string
  state: string | undefined
  loginHint: string | undefined
  prompt: string | undefined
}

export type AuthorizeError = 'invalid_request' | 'invalid_client' | 'unsupported_response_type'

// A repeated query parameter arrives as an array and fails here, which is what Google does too.
const param = z.string().max(2048).optional()
const Params = z.object({
  client_id: param,
  redirect_uri: param,
  response_type: param,
  scope: param,
  state: param,
  login_hint: param,
  prompt: param,
})

/**
 * Checks the query of GET /o/oauth2/v2/auth (or the hidden fields the chooser posts back). The client is
 * checked first and the redirect_uri next: until both hold, errors are shown here, never redirected.
 */
export function parseAuthorizeRequest(
  input: unknown,
  expectedClientId: string,
): Outcome<AuthorizeRequest, AuthorizeError> {
  const parsed = Params.safeParse(input ?? {})
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ')
    return fail('invalid_request', `Invalid parameter: ${where || 'request'}`)
  }
  const p = parsed.data
  if (!p.client_id) return fail('invalid_request', 'Missing required parameter: client_id')
  if (p.client_id !== expectedClientId) return fail('invalid_client', 'The OAuth client was not found.')
  if (!p.redirect_uri) return fail('invalid_request', 'Missing required parameter: redirect_uri')
  if (!isAbsoluteHttpUrl(p.redirect_uri)) {
    return fail('invalid_request', 'redirect_uri must be an absolute http(s) URL without a fragment')
  }
  if (!p.response_type) return fail('invalid_request', 'Missing required parameter: response_type')
  if (p.response_type !== 'code') {
    return fail('unsupported_response_type', `Unsupported response_type: ${p.response_type} (only "code")`)
  }
  return ok({
    clientId: p.client_id,
    redirectUri: p.redirect_uri,
    scope: p.scope || DEFAULT_SCOPE,
    state: p.state,
    loginHint: p.login_hint,
    prompt: p.prompt,
  })
}

/** The request as the chooser's hidden inputs carry it to the choose step. */
export function requestFields(req: AuthorizeRequest): Record<string, string> {
  const fields: Record<string, string> = {
    client_id: req.clientId,
    redirect_uri: req.redirectUri,
    response_type: 'code',
    scope: req.scope,
  }
  if (req.state !== undefined) fields.state = req.state
  return fields
}

/** Where the browser goes back to: `redirect_uri` plus `code` (or `error`) and `state`, unchanged. */
export function callbackUrl(req: AuthorizeRequest, result: { code: string } | { error: string }): string {
  const url = new URL(req.redirectUri)
  if ('code' in result) url.searchParams.set('code', result.code)
  else url.searchParams.set('error', result.error)
  if (req.state !== undefined) url.searchParams.set('state', req.state)
  return url.toString()
}

const Email = z.email().max(320)

/** The address a login_hint or the email field names, or undefined when it is not one. */
export function parseEmail(value: unknown): string | undefined {
  const parsed = Email.safeParse(typeof value === 'string' ? value.trim() : value)
  return parsed.success ? parsed.data : undefined
}

function isAbsoluteHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '' && !value.includes('#')
}
