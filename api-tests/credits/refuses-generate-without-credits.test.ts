import { GuideCredits, GuideError, GuideVideoList } from '../../harness/target/guide-schemas.ts'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { generate } from '../support/videos.ts'

const credit = (n: number) => n.toFixed(1)

describe('generate without enough credits', () => {
  test('allows ten videos from 100.0 credits and refuses the eleventh with 402 and the exact detail @OK-07', async ({
    api,
    suite,
    signedInUser,
    prompt,
    conformance,
  }) => {
    const credits = async () =>
      GuideCredits.parse((await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body)
        .credits
    const listed = async () =>
      GuideVideoList.parse(
        (await api.get('/api/v1/videos?page_size=100').set(signedInUser.auth).expect(200)).body,
      ).videos.length
    // 100.0 for a new account: ten videos; a prepared user affords what it has left.
    const start = signedInUser.startCredits
    const affordable = Math.floor(start / VIDEO_COST)
    const videosBefore = await listed()
    for (let i = 0; i < affordable; i++)
      await generate(suite.apiUrl, signedInUser, { prompt, model: 'sora-2' })
    const left = start - affordable * VIDEO_COST
    expect(await credits()).toBe(left)

    const res = await api
      .post('/api/v1/videos/generate')
      .set(signedInUser.auth)
      .send({ prompt, model: 'sora-2' })
    expect(res.status).toBe(402)
    await conformance.equal(
      'POST /api/v1/videos/generate 402 .detail',
      `Insufficient credits. Required: ${credit(VIDEO_COST)}, Available: ${credit(left)}`,
      GuideError.parse(res.body).detail,
    )
    expect(await credits()).toBe(left)
    expect(await listed()).toBe(videosBefore + affordable)
  })
})
