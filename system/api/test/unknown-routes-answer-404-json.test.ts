import { describe, expect } from 'vitest'
import { test } from './fixture.ts'

describe('unknown routes', () => {
  test('answers unknown routes with 404 and a JSON detail', async ({ api }) => {
    const res = await api.app.inject({ url: '/api/v1/nope' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ detail: 'Not Found' })
  })
})
