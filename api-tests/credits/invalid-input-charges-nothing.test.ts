import { CreditsResponse } from '../../system/shared/schemas/auth.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

const INVALID: Array<[string, Record<string, unknown>]> = [
  ['a prompt under 10 characters', { prompt: 'too short', model: 'sora-2' }],
  ['a prompt over 500 characters', { prompt: 'x'.repeat(501), model: 'sora-2' }],
  ['no prompt', { model: 'sora-2' }],
  ['another model', { prompt: GUIDE_PROMPT, model: 'sora-1' }],
  [
    'an image from a metadata address',
    { prompt: GUIDE_PROMPT, reference_image_url: 'http://169.254.169.254/x.png' },
  ],
]

describe('generate with invalid input', () => {
  test('answers 422 with a JSON detail for each invalid request and charges nothing @OK-07', async ({
    api,
    signedInUser,
  }) => {
    for (const [what, body] of INVALID) {
      const res = await api.post('/api/v1/videos/generate').set(signedInUser.auth).send(body)
      expect(res.status, what).toBe(422)
      expect(ErrorResponse.safeParse(res.body).success, `${what}: ${res.text}`).toBe(true)
    }
    const credits = CreditsResponse.parse(
      (await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body,
    )
    expect(credits.credits).toBe(100)
    const list = await api.get('/api/v1/videos').set(signedInUser.auth).expect(200)
    expect(list.body.total).toBe(0)
  })

  test('leaves the ledger with the sign-up credit only @OK-07 @OK-08', async ({
    api,
    stack,
    signedInUser,
  }) => {
    for (const [, body] of INVALID)
      await api.post('/api/v1/videos/generate').set(signedInUser.auth).send(body)
    expect(await stack.ledger(signedInUser.id)).toEqual([{ video_id: null, delta: 100, reason: 'signup' }])
    expect(await stack.credits(signedInUser.id)).toBe(100)
  })
})
