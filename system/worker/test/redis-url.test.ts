import { describe, expect, it } from 'vitest'
import { displayRedisUrl } from '../src/redis-url.ts'

describe('the Redis URL in the "Connected to" line', () => {
  it('shows host, port and database like the guide', () => {
    expect(displayRedisUrl('redis://localhost:6379/0')).toBe('redis://localhost:6379/0')
  })

  it('never shows a password or user name', () => {
    const shown = displayRedisUrl('redis://admin:s3cret@cache.internal:6380/2')
    expect(shown).toBe('redis://cache.internal:6380/2')
    expect(shown).not.toContain('s3cret')
  })

  it('fills in the default port and database', () => {
    expect(displayRedisUrl('rediss://:pw@cache.internal')).toBe('rediss://cache.internal:6379/0')
  })
})
