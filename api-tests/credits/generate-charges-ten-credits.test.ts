import { GuideCredits, GuideUser } from '../../harness/target/guide-schemas.ts'
import { CreditsResponse } from '../../system/shared/schemas/auth.ts'
import { VIDEO_COST } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { generate } from '../support/videos.ts'

describe('credits on generate', () => {
  test('start at 100.0 and drop by 10 at once: 90.0 right after the 201 @OK-07', async ({
    api,
    suite,
    signedInUser,
    prompt,
    conformance,
  }) => {
    // A new account starts at 100.0; a prepared user at whatever earlier runs left it.
    const start = suite.auth.kind === 'mock-google' ? 100 : signedInUser.startCredits
    const me = GuideUser.parse((await api.get('/api/v1/auth/me').set(signedInUser.auth).expect(200)).body)
    expect(me.credits).toBe(start)
    const credits = async () => {
      const res = await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)
      await conformance.schema('GET /api/v1/users/credits', CreditsResponse, res.body)
      await conformance.equal('GET /api/v1/users/credits .user_id', signedInUser.id, res.body.user_id)
      return GuideCredits.parse(res.body).credits
    }
    expect(await credits()).toBe(start)

    await generate(suite.apiUrl, signedInUser, { prompt, model: 'sora-2' })
    expect(await credits()).toBe(start - VIDEO_COST)
  })
})
