import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { LogEvent } from '../../../shared/log-events.ts'
import {
  AUTHORIZE_PATH,
  type AuthorizeError,
  type AuthorizeRequest,
  CHOOSE_PATH,
  callbackUrl,
  parseAuthorizeRequest,
  parseEmail,
} from '../authorize-request.ts'
import type { MockGoogleContext } from '../context.ts'
import { renderChooser } from '../pages/chooser.ts'
import { renderErrorPage } from '../pages/error.ts'
import { PAGE_CSP } from '../pages/html.ts'

/** GET the chooser (or, with login_hint + prompt=none, straight back with a code); POST the choice. */
export function authorizeRoutes(ctx: MockGoogleContext): FastifyPluginAsync {
  const clientId = ctx.config.MOCK_GOOGLE_CLIENT_ID

  function signIn(request: FastifyRequest, reply: FastifyReply, req: AuthorizeRequest, email: string) {
    const { user, created } = ctx.users.findOrCreate(email)
    const code = ctx.codes.issue({ user, clientId: req.clientId, redirectUri: req.redirectUri })
    const promptNone = req.prompt === 'none'
    // Never the code itself: it is a credential until redeemed.
    request.log.info(
      {
        event: LogEvent.googleAuthorized,
        email: user.email,
        sub: user.sub,
        clientId: req.clientId,
        promptNone,
        created,
      },
      `mock-google: ${user.email} authorized${promptNone ? ' (prompt=none)' : ''}`,
    )
    return reply.header('cache-control', 'no-store').redirect(callbackUrl(req, { code }), 302)
  }

  return async (app) => {
    app.get(AUTHORIZE_PATH, async (request, reply) => {
      const parsed = parseAuthorizeRequest(request.query, clientId)
      if (!parsed.ok) return sendAuthorizeError(request, reply, parsed.kind, parsed.detail)
      const req = parsed.value
      if (req.prompt === 'none') {
        // Like Google: no page may be shown, so without a usable hint the answer is login_required.
        const email = parseEmail(req.loginHint)
        if (!email) return reply.redirect(callbackUrl(req, { error: 'login_required' }), 302)
        return signIn(request, reply, req, email)
      }
      return sendHtml(reply, 200, renderChooser({ accounts: ctx.users.listed(), request: req }))
    })

    app.post(CHOOSE_PATH, async (request, reply) => {
      const body = isRecord(request.body) ? request.body : {}
      const { email: rawEmail, ...params } = body
      const parsed = parseAuthorizeRequest(params, clientId)
      if (!parsed.ok) return sendAuthorizeError(request, reply, parsed.kind, parsed.detail)
      const email = parseEmail(rawEmail)
      if (!email) {
        const page = renderChooser({
          accounts: ctx.users.listed(),
          request: parsed.value,
          error: 'Enter a valid email address',
          emailValue: typeof rawEmail === 'string' ? rawEmail : '',
        })
        return sendHtml(reply, 400, page)
      }
      return signIn(request, reply, parsed.value, email)
    })
  }
}

function sendHtml(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP)
    .send(html)
}

/** A browser gets Google's error page, a script gets `{error, error_description}`; both 400, no redirect. */
function sendAuthorizeError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AuthorizeError,
  detail: string,
) {
  if ((request.headers.accept ?? '').includes('text/html')) {
    return sendHtml(reply, 400, renderErrorPage(error, detail))
  }
  return reply.code(400).send({ error, error_description: detail })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
