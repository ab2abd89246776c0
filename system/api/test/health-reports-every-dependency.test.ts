import { describe, expect } from 'vitest'
import { HealthResponse } from '../../shared/schemas/health.ts'
import { test } from './fixture.ts'

describe('GET /health', () => {
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
})
