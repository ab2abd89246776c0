import { expect } from 'vitest'
import { GUIDE_PROMPT, test } from './fixture.ts'

test('returns the same video and charges once for a repeated Idempotency-Key', async ({ api }) => {
  const { auth } = await api.signIn()
  const send = () =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/videos/generate',
      headers: { ...auth, 'idempotency-key': 'double-click-1' },
      payload: { prompt: GUIDE_PROMPT },
    })
  const [a, b] = await Promise.all([send(), send()])
  const c = await send()
  expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201])
  expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1)
  expect(c.headers['idempotent-replayed']).toBe('true')
  const credits = await api.app.inject({ url: '/api/v1/users/credits', headers: auth })
  expect(credits.json().credits).toBe(90)
})

test('treats the same key from two users as two requests', async ({ api }) => {
  const headers = (auth: object) => ({ ...auth, 'idempotency-key': 'shared-key' })
  const one = await api.signIn()
  const two = await api.signIn()
  const a = await api.app.inject({
    method: 'POST',
    url: '/api/v1/videos/generate',
    headers: headers(one.auth),
    payload: { prompt: GUIDE_PROMPT },
  })
  const b = await api.app.inject({
    method: 'POST',
    url: '/api/v1/videos/generate',
    headers: headers(two.auth),
    payload: { prompt: GUIDE_PROMPT },
  })
  expect(a.json().id).not.toBe(b.json().id)
})
