import { creditsOf } from '../../api-tests/support/balance.ts'
import { allVideos } from '../../api-tests/support/ledger.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { DEFAULT_REDIRECT_URI } from '../../system/shared/config.ts'
import { describe, expect, test } from '../fixtures/test.ts'

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere must be refused as input (422), not crash the
 * insert (500). Other control characters are text like any other: never a 5xx. The guide's verdict is
 * "never a 5xx, and a refusal changes nothing"; the reference's 422 for a NUL is conformance (a store that
 * holds NULs may take them as text).
 */
describe('NUL bytes and control characters', () => {
  test('a NUL in the prompt or the image URL is 422 with a detail and changes nothing; other control characters never a 5xx @BAD-07', async ({
    api,
    suite,
    user,
    conformance,
  }) => {
    const before = {
      credits: await creditsOf(suite.apiUrl, user),
      videos: (await allVideos(suite.apiUrl, user.auth)).length,
    }
    let accepted = 0
    const expectRefused = async (what: string, res: { status: number; body: unknown }) => {
      expect(res.status, what).toBeLessThan(500)
      if (res.status === 201) accepted += 1
      else GuideError.parse(res.body)
      await conformance.equal(`${what}: status`, 422, res.status)
    }
    for (const body of [
      { prompt: `${GUIDE_PROMPT}\u0000`, model: 'sora-2' },
      { prompt: `\u0000${GUIDE_PROMPT}`, model: 'sora-2' },
      { prompt: 'ten chars \u0000 and more', model: 'sora-2' },
      { prompt: GUIDE_PROMPT, model: 'sora-2', reference_image_url: '/uploads/user_1/\u0000.png' },
      { prompt: GUIDE_PROMPT, model: 'sora-2\u0000' },
    ])
      await expectRefused(
        `generate ${JSON.stringify(body)}`,
        await api.post('/api/v1/videos/generate').set(user.auth).send(body),
      )
    const raw = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .set('content-type', 'application/json')
      .send(`{"prompt":"${GUIDE_PROMPT}\\u0000","model":"sora-2"}`)
    await expectRefused('generate with an escaped NUL', raw)
    // What was refused changed nothing; what was taken as text was charged as any video.
    expect(await creditsOf(suite.apiUrl, user)).toBe(before.credits - 10 * accepted)
    expect((await allVideos(suite.apiUrl, user.auth)).length).toBe(before.videos + accepted)

    for (const body of [
      { code: 'abc\u0000def', redirect_uri: DEFAULT_REDIRECT_URI },
      { code: 'abc', redirect_uri: 'http://localhost:8080/\u0000' },
    ]) {
      const res = await api.post('/api/v1/auth/google').send(body)
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400)
      expect(res.status, JSON.stringify(body)).toBeLessThan(500)
      GuideError.parse(res.body)
    }
    const refresh = await api.post('/api/v1/auth/refresh').send({ refresh_token: 'x\u0000y' })
    expect([401, 403, 422]).toContain(refresh.status)
    await conformance.equal('refresh with a NUL: status', 401, refresh.status)

    const control = await api
      .post('/api/v1/videos/generate')
      .set(user.auth)
      .send({
        prompt: `bell \u0007 escape \u001b[31m del \u007f ${GUIDE_PROMPT}`.slice(0, 500),
        model: 'sora-2',
      })
    expect(control.status).toBeLessThan(500)
  })
})
