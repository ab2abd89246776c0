import { describe, expect } from 'vitest'
import { test } from './fixture.ts'

describe('GET /docs', () => {
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
})
