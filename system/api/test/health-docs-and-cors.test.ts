import { describe, expect } from 'vitest'
import { HealthResponse } from '../../shared/schemas/health.ts'
import { test } from './fixture.ts'

describe('operational endpoints', () => {
  test('GET /health reports redis, database and queue ok and mock mode on', async ({ api }) => {
    const res = await api.app.inject({ url: '/health' })
    expect(res.statusCode).toBe(200)
    expect(HealthResponse.parse(res.json())).toMatchObject({
      status: 'ok',
      redis: 'ok',
      database: 'ok',
      queue: 'ok',
      mock_sora: true,
    })
  })

  test('GET /docs serves the OpenAPI page built from the zod schemas', async ({ api }) => {
    const page = await api.app.inject({ url: '/docs' })
    expect([200, 302]).toContain(page.statusCode)
    const spec = (await api.app.inject({ url: '/docs/json' })).json()
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/videos/generate',
        '/api/v1/videos/{id}',
        '/api/v1/auth/google',
        '/health',
      ]),
    )
    const body = spec.paths['/api/v1/videos/generate'].post.requestBody.content['application/json'].schema
    expect(body.properties.prompt).toMatchObject({ minLength: 10, maxLength: 500 })
  })

  test('answers a CORS preflight from the web origin and gives no allow header to others', async ({
    api,
  }) => {
    const preflight = (origin: string) =>
      api.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/videos/generate',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      })
    const allowed = await preflight('http://localhost:8080')
    expect(allowed.statusCode).toBe(204)
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:8080')
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/authorization/)
    const refused = await preflight('https://evil.example')
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  })

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

  test('answers unknown routes with 404 and a JSON detail', async ({ api }) => {
    const res = await api.app.inject({ url: '/api/v1/nope' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ detail: 'Not Found' })
  })
})
