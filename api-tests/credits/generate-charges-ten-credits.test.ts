import { CreditsResponse, UserResponse } from '../../system/shared/schemas/auth.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { generate } from '../support/videos.ts'

describe('credits on generate', () => {
  test('start at 100.0 and drop by 10 at once: 90.0 right after the 201 @OK-07', async ({
    api,
    suite,
    signedInUser,
  }) => {
    const me = UserResponse.parse((await api.get('/api/v1/auth/me').set(signedInUser.auth).expect(200)).body)
    expect(me.credits).toBe(100)
    const before = CreditsResponse.parse(
      (await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body,
    )
    expect(before).toEqual({ credits: 100, user_id: signedInUser.id })

    await generate(suite.apiUrl, signedInUser)
    const after = CreditsResponse.parse(
      (await api.get('/api/v1/users/credits').set(signedInUser.auth).expect(200)).body,
    )
    expect(after).toEqual({ credits: 90, user_id: signedInUser.id })
  })
})
