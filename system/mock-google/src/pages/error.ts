import { escapeHtml, page } from './html.ts'

/** Google's "Access blocked" page: the error code and what is wrong, with no link back to the client. */
export function renderErrorPage(error: string, description: string): string {
  const body = `<h1>Access blocked</h1>
<p role="alert">Error 400: <code data-testid="error-code">${escapeHtml(error)}</code></p>
<p data-testid="error-description">${escapeHtml(description)}</p>`
  return page('Error - Mock Google', body)
}
