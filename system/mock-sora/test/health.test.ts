import { describe, expect, it } from 'vitest'
import { MockHealth } from '../src/control-schema.ts'
import { startMock } from './helper.ts'

describe('health', () => {
  it('answers ok with the configured job duration', async () => {
    const { app } = await startMock({ env: { MOCK_SORA_DURATION_S: '7' } })
    const res = await app.inject({ url: '/health' })
    expect(MockHealth.parse(res.json())).toEqual({ status: 'ok', duration_s: 7 })
  })
})
