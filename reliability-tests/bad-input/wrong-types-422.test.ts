import { z } from 'zod'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { GUIDE_PROMPT } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { describe, expect, test } from '../fixtures/test.ts'

/** FastAPI's validation shape: one entry per issue, with where it is. */
const Issues = z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string() }))
const paths = (detail: unknown) => Issues.safeParse(detail).data?.map((i) => i.loc.join('.')) ?? []

/**
 * The guide's verdict on a wrong type: a 4xx with a JSON detail, never a 5xx, and a refusal charges
 * nothing. The reference's 422 for each, naming the field as Fastify does (`body.prompt`,
 * `querystring.page`), is conformance; so is a lax parser taking a number as the prompt's text (that
 * generate is then charged like any other).
 */
describe('wrong types', () => {
  test('in the body, the query and the path: 422 with a detail naming the field, nothing charged @BAD-08', async ({
    api,
    suite,
    user,
    conformance,
  }) => {
    const before = await creditsOf(suite.apiUrl, user)
    let accepted = 0
    const expectRefused = async (where: string, res: { status: number; body: unknown }, field?: string) => {
      expect(res.status, where).toBeLessThan(500)
      if (res.status === 201) {
        accepted += 1
        return conformance.equal(`${where}: status`, 422, res.status)
      }
      expect(res.status, where).toBeGreaterThanOrEqual(400)
      const { detail } = GuideError.parse(res.body)
      await conformance.equal(`${where}: status`, 422, res.status)
      if (field && res.status === 422)
        await conformance.equal(`${where}: names ${field}`, true, paths(detail).includes(field))
    }
    const fields: Array<[string, Record<string, unknown>]> = [
      ['prompt', { prompt: 1234567890123 }],
      ['prompt', { prompt: true }],
      ['prompt', { prompt: null }],
      ['prompt', { prompt: ['a prompt in an array'] }],
      ['prompt', { prompt: { text: GUIDE_PROMPT } }],
      ['model', { prompt: GUIDE_PROMPT, model: 'sora-3' }],
      ['model', { prompt: GUIDE_PROMPT, model: 2 }],
      ['reference_image_url', { prompt: GUIDE_PROMPT, reference_image_url: 5 }],
      ['reference_image_url', { prompt: GUIDE_PROMPT, reference_image_url: { url: 'x' } }],
    ]
    for (const [field, body] of fields)
      await expectRefused(
        `generate ${JSON.stringify(body)}`,
        await api.post('/api/v1/videos/generate').set(user.auth).send(body),
        `body.${field}`,
      )
    for (const body of ['[]', '"a string"', '42', 'null', 'true'])
      await expectRefused(
        `generate with the body ${body}`,
        await api
          .post('/api/v1/videos/generate')
          .set(user.auth)
          .set('content-type', 'application/json')
          .send(body),
      )
    for (const query of [
      'page=abc',
      'page=0',
      'page=1.5',
      'page_size=101',
      'page_size=-1',
      'status_filter=done',
    ])
      await expectRefused(
        `GET /videos?${query}`,
        await api.get(`/api/v1/videos?${query}`).set(user.auth),
        `querystring.${query.split('=')[0]}`,
      )
    for (const id of ['abc', '0', '-1', '1.5', '2147483648', '1e400', 'NaN'])
      await expectRefused(`GET /videos/${id}`, await api.get(`/api/v1/videos/${id}`).set(user.auth))
    for (const body of [{ code: 42, redirect_uri: 'http://x' }, { code: 'c', redirect_uri: 'not a url' }, {}])
      await expectRefused(
        `sign-in with ${JSON.stringify(body)}`,
        await api.post('/api/v1/auth/google').send(body),
      )
    expect(await creditsOf(suite.apiUrl, user)).toBe(before - 10 * accepted)
  })
})
