const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for element content and quoted attributes alike; everything from a request or file goes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

const STYLE = `
  body { margin: 0; font-family: Roboto, Arial, sans-serif; background: #f0f4f9; color: #1f1f1f; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 28px; padding: 2.25rem; }
  .brand { font-size: 1.1rem; color: #444; margin: 0 0 1rem; }
  h1 { font-size: 2rem; font-weight: 400; margin: 0 0 .5rem; }
  p { margin: 0 0 1.5rem; color: #444; }
  ul { list-style: none; margin: 0 0 1.5rem; padding: 0; border-top: 1px solid #ddd; }
  li { border-bottom: 1px solid #ddd; }
  li form { margin: 0; }
  .account { display: flex; flex-direction: column; width: 100%; text-align: left; background: none;
    border: 0; padding: .9rem .5rem; cursor: pointer; font: inherit; }
  .account:hover, .account:focus-visible { background: #f3f6fc; }
  .account .name { font-weight: 500; }
  .account .email { color: #555; font-size: .9rem; }
  label { display: block; margin-bottom: .4rem; }
  input[type=email] { width: 100%; box-sizing: border-box; padding: .8rem; font-size: 1rem;
    border: 1px solid #747775; border-radius: 4px; margin-bottom: 1rem; }
  .primary { background: #0b57d0; color: #fff; border: 0; border-radius: 20px; padding: .6rem 1.5rem;
    font-size: .95rem; cursor: pointer; }
  .error { color: #b3261e; }
`

// No scripts at all, so the policy can forbid them; no form-action either, as Chrome would then block
// the redirect to the client that follows the choose step.
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"

/** The shared page frame; `body` must already be escaped HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Mock Google</p>
${body}
</main>
</body>
</html>
`
}
