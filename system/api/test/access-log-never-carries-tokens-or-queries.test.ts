import { describe, expect } from 'vitest'
import { test } from './fixture.ts'

describe('the access log', () => {
  test('writes one access line per request with the path but never a token or the query', async ({ api }) => {
    const { auth, token } = await api.signIn()
    await api.app.inject({ url: '/api/v1/users/credits?token=secret-in-query', headers: auth })
    const lines = api.logLines.filter(
      (l) => l.includes('"event":"http.request"') && l.includes('/api/v1/users/credits'),
    )
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      method: 'GET',
      path: '/api/v1/users/credits',
      status: 200,
      msg: '"GET /api/v1/users/credits HTTP/1.1" 200 OK',
    })
    const all = api.logLines.join('\n')
    expect(all).not.toContain(token)
    expect(all).not.toContain('secret-in-query')
  })
})
