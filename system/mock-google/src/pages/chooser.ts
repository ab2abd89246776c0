import { type AuthorizeRequest, requestFields } from '../authorize-request.ts'
import type { GoogleUser } from '../users.ts'
import { escapeHtml, page } from './html.ts'

/**
 * The account chooser. Each account is its own one-button form, so choosing is one click and works
 * without scripts; the button's text (name, then email) is its accessible name.
 */
export function renderChooser(args: {
  accounts: readonly GoogleUser[]
  request: AuthorizeRequest
  error?: string
  emailValue?: string
}): string {
  const { accounts, request } = args
  // Relative to /o/oauth2/v2/auth, so it still works when mock-google sits under a path prefix.
  const action = 'auth/choose'
  const hidden = hiddenInputs(requestFields(request))
  const items = accounts
    .map(
      (user) => `<li><form method="post" action="${action}">
${hidden}
<input type="hidden" name="email" value="${escapeHtml(user.email)}">
<button type="submit" class="account" data-testid="account-${escapeHtml(user.email)}">
<span class="name">${escapeHtml(user.name)}</span>
<span class="email">${escapeHtml(user.email)}</span>
</button>
</form></li>`,
    )
    .join('\n')
  const client = URL.canParse(request.redirectUri) ? new URL(request.redirectUri).host : request.redirectUri
  const error = args.error
    ? `<p class="error" role="alert" data-testid="chooser-error">${escapeHtml(args.error)}</p>`
    : ''
  const body = `<h1>Choose an account</h1>
<p>to continue to <strong>${escapeHtml(client)}</strong></p>
<ul aria-label="Accounts">
${items}
</ul>
<form method="post" action="${action}" data-testid="new-account-form">
${hidden}
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="email" value="${escapeHtml(args.emailValue ?? request.loginHint ?? '')}">
${error}
<button type="submit" class="primary">Continue</button>
</form>`
  return page('Sign in - Mock Google', body)
}

function hiddenInputs(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n')
}
