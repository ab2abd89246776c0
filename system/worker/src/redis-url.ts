/** `redis://:secret@host:6379/0` → `redis://host:6379/0`: what the "Connected to ..." line may show. */
export function displayRedisUrl(raw: string): string {
  try {
    const url = new URL(raw)
    const db = url.pathname && url.pathname !== '/' ? url.pathname : '/0'
    const port = url.port || '6379'
    return `${url.protocol}//${url.hostname}:${port}${db}`
  } catch {
    return '(invalid redis url)'
  }
}
