import { describe, expect } from 'vitest'
import { GUIDE_PROMPT, test } from './fixture.ts'

/** Requests broken below the schema (found by the reliability suite's fuzzing): a 4xx with a detail. */
describe('malformed requests', () => {
  test('a prompt with a NUL character is 422, not a failed insert', async ({ api }) => {
    const { auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: auth,
      payload: { prompt: `${GUIDE_PROMPT}\u0000` },
    })
    expect(res.statusCode).toBe(422)
    expect(JSON.stringify(res.json().detail)).toContain('NUL')
  })

  test('a multipart upload without its closing boundary is 400, not 500', async ({ api }) => {
    const { auth } = await api.signIn()
    const boundary = 'cutShortBoundary'
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/upload/image',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    })
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'Malformed multipart/form-data body' }])
  })

  test('a URL with a broken percent-escape is 400 in the API’s error shape', async ({ api }) => {
    const res = await api.app.inject({ url: '/api/v1/videos/%' })
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'Malformed URL' }])
  })

  test('a text/plain body is 415, like any content type the API does not speak', async ({ api }) => {
    const { auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: JSON.stringify({ prompt: GUIDE_PROMPT }),
    })
    expect([res.statusCode, res.json()]).toEqual([415, { detail: 'Unsupported content type' }])
  })

  test('a path out of /uploads/ is 404, and uploads are served with nosniff', async ({ api }) => {
    for (const url of ['/uploads/../package.json', '/uploads/%2e%2e/package.json', '/uploads/.env'])
      expect((await api.app.inject({ url })).statusCode, url).toBe(404)
    const { auth } = await api.signIn()
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
    const boundary = 'b'
    const up = await api.app.inject({
      method: 'POST',
      url: '/api/v1/upload/image',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    })
    const served = await api.app.inject({ url: up.json().file_path })
    expect(served.headers['x-content-type-options']).toBe('nosniff')
  })
})
