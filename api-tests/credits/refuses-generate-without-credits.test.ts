import { CreditsResponse } from '../../system/shared/schemas/auth.ts'
import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { GUIDE_PROMPT, generate } from '../support/videos.ts'

describe('generate without enough credits', () => {
  test('allows ten videos from 100.0 credits and refuses the eleventh with 402 and the exact detail @OK-07', async ({
    api,
    suite,
    signedInUser,
  }) => {
    for (let i = 0; i < 10; i++) await generate(suite.apiUrl, signedInUser)
    const credits = async () =>
      CreditsResponse.parse((await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body)
        .credits
    expect(await credits()).toBe(0)

    const res = await api
      .post('/api/v1/videos/generate')
      .set(signedInUser.auth)
      .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
    expect(res.status).toBe(402)
    expect(ErrorResponse.parse(res.body)).toEqual({
      detail: 'Insufficient credits. Required: 10.0, Available: 0.0',
    })
    expect(await credits()).toBe(0)
    const list = await api.get('/api/v1/videos?page_size=100').set(signedInUser.auth).expect(200)
    expect(list.body.total).toBe(10)
  })
})
