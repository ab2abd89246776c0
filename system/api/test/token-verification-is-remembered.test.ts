import { describe, expect, test } from 'vitest'
import { createTokenService, VERIFIED_TOKENS_MAX } from '../src/services/tokens.ts'

const SECRET = 's'.repeat(40)

/** A service on a clock the test moves. */
function tokens(startMs = 1_800_000_000_000) {
  let nowMs = startMs
  return { service: createTokenService(SECRET, () => nowMs), advance: (ms: number) => (nowMs += ms) }
}

describe('a token verified once', () => {
  test('answers the same claims again', async () => {
    const { service } = tokens()
    const token = await service.sign({ userId: 7, kind: 'stream', videoId: 3 }, 60)
    expect(await service.verify(token, 'stream')).toEqual({ userId: 7, kind: 'stream', videoId: 3 })
    expect(await service.verify(token, 'stream')).toEqual({ userId: 7, kind: 'stream', videoId: 3 })
  })

  test('is still refused as another kind', async () => {
    const { service } = tokens()
    const refresh = await service.sign({ userId: 7, kind: 'refresh' }, 600)
    expect(await service.verify(refresh, 'refresh')).toEqual({ userId: 7, kind: 'refresh' })
    expect(await service.verify(refresh, 'access')).toBeNull()
  })

  test('is refused once it expires, as jose would refuse it', async () => {
    const { service, advance } = tokens()
    const token = await service.sign({ userId: 7, kind: 'access' }, 60)
    expect(await service.verify(token, 'access')).toEqual({ userId: 7, kind: 'access' })
    advance(59_000)
    expect(await service.verify(token, 'access')).toEqual({ userId: 7, kind: 'access' })
    advance(1_000)
    expect(await service.verify(token, 'access')).toBeNull()
    expect(await service.verify(token, 'access')).toBeNull()
  })

  test('opens nothing for a token of another secret, or a tampered one', async () => {
    const { service } = tokens()
    const other = await createTokenService('o'.repeat(40)).sign({ userId: 7, kind: 'access' }, 600)
    expect(await service.verify(other, 'access')).toBeNull()
    const good = await service.sign({ userId: 7, kind: 'access' }, 600)
    await service.verify(good, 'access')
    expect(await service.verify(`${good.slice(0, -2)}AA`, 'access')).toBeNull()
  })

  test('is forgotten, oldest first, beyond the bound, and then verified afresh', async () => {
    const { service } = tokens()
    const first = await service.sign({ userId: 1, kind: 'access' }, 600)
    await service.verify(first, 'access')
    for (let i = 0; i < VERIFIED_TOKENS_MAX; i += 1) await service.verify(`${first}x${i}`, 'access')
    expect(await service.verify(first, 'access')).toEqual({ userId: 1, kind: 'access' })
  })
})
