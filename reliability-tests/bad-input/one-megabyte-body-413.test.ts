import { creditsOf } from '../../api-tests/support/balance.ts'
import { allVideos } from '../../api-tests/support/ledger.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { DEFAULT_REDIRECT_URI } from '../../system/shared/config.ts'
import { describe, expect, test } from '../fixtures/test.ts'

/** The API's JSON body limit is 1 MiB (1,048,576 bytes); one byte more is refused before parsing. */
const LIMIT = 1024 * 1024

/** A JSON body of exactly `bytes`: `fields` with `pad` filled up (a valid generate stays valid but for its size). */
function jsonOfSize(bytes: number, fields: Record<string, unknown>, pad: string): string {
  const shell = JSON.stringify({ ...fields, [pad]: '' })
  return JSON.stringify({ ...fields, [pad]: 'x'.repeat(bytes - shell.length) })
}
const VALID = { prompt: GUIDE_PROMPT, model: 'sora-2', reference_image_url: '/uploads/x.png' }

/**
 * Just over the limit, a request that would otherwise be valid (an extra field carries the size) must be
 * refused with a clear 4xx and a JSON detail, charging nothing: a 2xx is the defect. DESIGN's 413 and
 * its text are the reference's, recorded as conformance.
 */
describe('a 1 MB JSON body', () => {
  test('just over the 1 MiB limit is refused (413), charging nothing, on generate and on sign-in alike @BAD-09', async ({
    api,
    suite,
    user,
    conformance,
  }) => {
    const before = {
      credits: await creditsOf(suite.apiUrl, user),
      videos: (await allVideos(suite.apiUrl, user.auth)).length,
    }
    const post = (path: string, body: string) =>
      api.post(path).set(user.auth).set('content-type', 'application/json').send(body)
    const big = jsonOfSize(LIMIT + 1, VALID, 'padding')
    expect(Buffer.byteLength(big)).toBe(LIMIT + 1)
    for (const [path, body] of [
      ['/api/v1/videos/generate', big],
      ['/api/v1/auth/google', jsonOfSize(LIMIT + 1, { redirect_uri: DEFAULT_REDIRECT_URI }, 'code')],
    ] as const) {
      const res = await post(path, body)
      expect(res.status, `${path}: a 4xx`).toBeGreaterThanOrEqual(400)
      expect(res.status, `${path}: a 4xx`).toBeLessThan(500)
      GuideError.parse(res.body)
      await conformance.equal(
        `${path} with 1 MiB + 1 byte`,
        [413, 'Request body too large'],
        [res.status, res.body.detail],
      )
    }
    // At the limit it is parsed, and refused for what it says (the prompt is far too long).
    const atLimit = await post('/api/v1/videos/generate', jsonOfSize(LIMIT, { model: 'sora-2' }, 'prompt'))
    expect(atLimit.status).toBe(422)
    expect(await creditsOf(suite.apiUrl, user)).toBe(before.credits)
    expect((await allVideos(suite.apiUrl, user.auth)).length).toBe(before.videos)
  })
})
