import { describe, expect, it } from 'vitest'
import { authorizeQuery, buildTestApp, TEST_USERS } from './helpers.ts'

describe('the account chooser', () => {
  it('lists every fixture account as a button named by its name and email', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject({ url: `/o/oauth2/v2/auth?${authorizeQuery()}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('Choose an account')
    for (const user of TEST_USERS) {
      const button = new RegExp(
        `<button[^>]*data-testid="account-${user.email}"[^>]*>\\s*<span[^>]*>${user.name}</span>\\s*<span[^>]*>${user.email}</span>\\s*</button>`,
      )
      expect(res.body).toMatch(button)
    }
    expect(res.body).toMatch(/<label for="email">Email<\/label>/)
    expect(res.body).toMatch(/<button type="submit" class="primary">Continue<\/button>/)
  })

  it('carries the original request in hidden inputs of each form', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject({ url: `/o/oauth2/v2/auth?${authorizeQuery()}` })
    const forms = res.body.match(/<form[\s\S]*?<\/form>/g) ?? []
    expect(forms).toHaveLength(TEST_USERS.length + 1)
    for (const form of forms) {
      expect(form).toContain('action="auth/choose"')
      expect(form).toContain('<input type="hidden" name="client_id" value="test-client">')
      expect(form).toContain('<input type="hidden" name="state" value="state-123">')
      expect(form).toContain('name="redirect_uri" value="http://127.0.0.1:8080/auth/callback"')
    }
  })

  it('escapes names, emails and request parameters put into the page', async () => {
    const users = [
      { sub: '1', email: 'x"y@example.test', name: '<script>alert("n")</script> & Co', picture: null },
    ]
    const { app } = await buildTestApp({ users })
    const state = '"><script>alert(1)</script>'
    const res = await app.inject({
      url: `/o/oauth2/v2/auth?${authorizeQuery({ state, login_hint: '"><img src=x onerror=alert(2)>' })}`,
    })
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('<script>')
    expect(res.body).not.toContain('<img')
    expect(res.body).toContain('&lt;script&gt;alert(&quot;n&quot;)&lt;/script&gt; &amp; Co')
    expect(res.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
    expect(res.body).toContain('data-testid="account-x&quot;y@example.test"')
  })

  it('forbids scripts and caching', async () => {
    const { app } = await buildTestApp()
    const res = await app.inject({ url: `/o/oauth2/v2/auth?${authorizeQuery()}` })
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.headers['cache-control']).toBe('no-store')
  })
})
