/** What the server injected into the page at serve time (`<meta>` tags: the CSP forbids inline scripts). */
export interface PageConfig {
  apiBaseUrl: string
  googleAuthUrl: string
  googleClientId: string
}

export function readPageConfig(doc: Document = document): PageConfig {
  const meta = (name: string) => {
    const value = doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content
    if (!value) throw new Error(`page is missing <meta name="${name}">`)
    return value
  }
  return {
    apiBaseUrl: meta('api-base-url'),
    googleAuthUrl: meta('google-auth-url'),
    googleClientId: meta('google-client-id'),
  }
}
