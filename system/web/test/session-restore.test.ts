import { describe, expect, it, vi } from 'vitest'
import type { TokenResponse } from '../../shared/schemas/auth.ts'
import type { ApiResult } from '../src/api-client.ts'
import { createSession, REFRESH_TOKEN_KEY, SESSION_EXPIRED_MESSAGE } from '../src/client/session.ts'
import { MemoryStorage } from './memory-storage.ts'

const tokens = (n: number): TokenResponse => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: 'bearer',
  expires_in: 1800,
})

function setUp(refresh: (token: string) => Promise<ApiResult<TokenResponse>>) {
  const storage = new MemoryStorage()
  const expired: string[] = []
  const session = createSession({ storage, onExpired: (m) => expired.push(m) })
  const refreshSpy = vi.fn(refresh)
  session.attach({ refresh: refreshSpy, signInWithGoogle: async () => ({ ok: true, value: tokens(1) }) })
  return { storage, session, expired, refreshSpy }
}

describe('the session', () => {
  it('keeps the refresh token for a reload and the access token in memory only', async () => {
    const { storage, session } = setUp(async () => ({ ok: true, value: tokens(2) }))
    await session.signIn('code', 'http://localhost:8080/auth/callback')
    expect(session.getToken()).toBe('access-1')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1')
    expect(JSON.stringify([...Array(storage.length).keys()].map((i) => storage.key(i)))).not.toContain(
      'access',
    )
  })

  it('survives a reload by trading the stored refresh token for a new access token', async () => {
    const { storage, session, refreshSpy } = setUp(async () => ({ ok: true, value: tokens(2) }))
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-1')
    expect(await session.restore()).toBe('restored')
    expect(refreshSpy).toHaveBeenCalledWith('refresh-1')
    expect(session.getToken()).toBe('access-2')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2')
  })

  it('reports an expired session when the refresh is refused, and forgets it', async () => {
    const { storage, session } = setUp(async () => ({
      ok: false,
      status: 401,
      detail: 'Invalid refresh token',
    }))
    storage.setItem(REFRESH_TOKEN_KEY, 'old')
    expect(await session.restore()).toBe('expired')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    expect(await session.restore()).toBe('none')
  })

  it('keeps the session when the API is unreachable', async () => {
    const { storage, session } = setUp(async () => ({ ok: false, status: 0, detail: 'Network error' }))
    storage.setItem(REFRESH_TOKEN_KEY, 'kept')
    expect(await session.restore()).toBe('unreachable')
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('kept')
  })

  it('retries a 401 once after refreshing; a refused refresh ends the session with a message', async () => {
    const good = setUp(async () => ({ ok: true, value: tokens(3) }))
    good.storage.setItem(REFRESH_TOKEN_KEY, 'r')
    const call = vi.fn(
      async (): Promise<ApiResult<string>> =>
        good.session.getToken() === 'access-3'
          ? { ok: true, value: 'me' }
          : { ok: false, status: 401, detail: 'x' },
    )
    expect(await good.session.authed(call)).toEqual({ ok: true, value: 'me' })
    expect(call).toHaveBeenCalledTimes(2)

    const bad = setUp(async () => ({ ok: false, status: 401, detail: 'Invalid refresh token' }))
    bad.storage.setItem(REFRESH_TOKEN_KEY, 'r')
    const denied = await bad.session.authed(async () => ({ ok: false, status: 401, detail: 'expired' }))
    expect(denied).toMatchObject({ ok: false, status: 401 })
    expect(bad.expired).toEqual([SESSION_EXPIRED_MESSAGE])
    expect(bad.storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
  })

  it('shares one refresh between concurrent 401s', async () => {
    const { storage, session, refreshSpy } = setUp(async () => ({ ok: true, value: tokens(4) }))
    storage.setItem(REFRESH_TOKEN_KEY, 'r')
    const call = async (): Promise<ApiResult<number>> =>
      session.getToken() === 'access-4' ? { ok: true, value: 1 } : { ok: false, status: 401, detail: 'x' }
    await Promise.all([session.authed(call), session.authed(call), session.authed(call)])
    expect(refreshSpy).toHaveBeenCalledTimes(1)
  })
})
