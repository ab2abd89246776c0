import { describe, expect } from 'vitest'
import { GUIDE_PROMPT, test } from './fixture.ts'

const bodies: Array<[string, unknown]> = [
  ['a prompt of 9 characters', { prompt: '123456789' }],
  ['a prompt of 501 characters', { prompt: 'x'.repeat(501) }],
  ['a missing prompt', { model: 'sora-2' }],
  ['another model', { prompt: GUIDE_PROMPT, model: 'sora-3' }],
  ['a prompt that is not a string', { prompt: 12345678901 }],
  [
    'a reference image on a host not allowed',
    { prompt: GUIDE_PROMPT, reference_image_url: 'http://169.254.169.254/latest' },
  ],
  [
    'a reference image on loopback',
    { prompt: GUIDE_PROMPT, reference_image_url: 'http://127.0.0.1:6379/x.png' },
  ],
  [
    'another user’s upload',
    {
      prompt: GUIDE_PROMPT,
      reference_image_url: '/uploads/user_999999/00000000-0000-0000-0000-000000000000.png',
    },
  ],
]

describe('POST /api/v1/videos/generate with bad input', () => {
  test.for(bodies)('answers 422 with a detail and charges nothing for %s', async ([, payload], { api }) => {
    const { user, auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: auth,
      payload: payload as object,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toHaveProperty('detail')
    const credits = await api.app.inject({ url: '/api/v1/users/credits', headers: auth })
    expect(credits.json().credits).toBe(100)
    const { rows } = await api.pool.query('SELECT count(*)::int AS n FROM videos WHERE user_id = $1', [
      user.id,
    ])
    expect(rows[0].n).toBe(0)
  })

  test('accepts exactly 10 and 500 characters', async ({ api }) => {
    const { auth } = await api.signIn()
    for (const prompt of ['x'.repeat(10), 'y'.repeat(500)]) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/v1/videos/generate',
        headers: auth,
        payload: { prompt },
      })
      expect(res.statusCode).toBe(201)
    }
  })

  test('answers 400 with a detail for a body that is not JSON', async ({ api }) => {
    const { auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"prompt": ',
    })
    expect(res.statusCode).toBe(400)
    expect(typeof res.json().detail).toBe('string')
  })

  test('answers 413 for a body over 1 MB', async ({ api }) => {
    const { auth } = await api.signIn()
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: auth,
      payload: { prompt: 'x'.repeat(1024 * 1024 + 1) },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ detail: 'Request body too large' })
  })
})
