import { describe, expect } from 'vitest'
import { test } from './fixture.ts'

describe('CORS', () => {
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
})
