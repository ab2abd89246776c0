import { generate } from '../../api-tests/support/videos.ts'
import { GuideVideoList } from '../../harness/target/guide-schemas.ts'
import { StreamTokenResponse } from '../../system/shared/schemas/auth.ts'
import { describe, expect, test } from '../fixtures/test.ts'

/** The guide fixes the 404 (another user's video does not exist for me); the detail text is conformance. */
describe('another user’s video', () => {
  test('is 404 on get, stream token and stream, and absent from the list @SEC-03', async ({
    api,
    suite,
    user,
    newUser,
    conformance,
  }) => {
    const other = await newUser()
    const theirs = (await generate(suite.apiUrl, other)).video
    const notFound = `Video with id ${theirs.id} not found`

    const get = await api.get(`/api/v1/videos/${theirs.id}`).set(user.auth)
    expect(get.status).toBe(404)
    await conformance.equal(`GET another user’s video: detail`, notFound, get.body?.detail)
    if (suite.capabilities.stream.offered) {
      const mine = (await generate(suite.apiUrl, user)).video
      const token = await api.post(`/api/v1/videos/${theirs.id}/stream-token`).set(user.auth)
      expect([token.status, token.body]).toEqual([404, { detail: notFound }])
      // My own stream token opens my video's stream only, not theirs.
      const myToken = StreamTokenResponse.parse(
        (await api.post(`/api/v1/videos/${mine.id}/stream-token`).set(user.auth).expect(200)).body,
      ).token
      const stream = await api.get(`/api/v1/videos/${theirs.id}/stream`).query({ token: myToken })
      expect([stream.status, stream.body]).toEqual([404, { detail: notFound }])
    }

    for (const status_filter of [undefined, 'pending', 'processing', 'completed', 'failed']) {
      const list = GuideVideoList.parse(
        (
          await api
            .get('/api/v1/videos')
            .query({ page_size: 100, ...(status_filter ? { status_filter } : {}) })
            .set(user.auth)
            .expect(200)
        ).body,
      )
      expect(list.videos.map((v) => v.user_id).every((id) => id === user.id)).toBe(true)
      expect(list.videos.map((v) => v.id)).not.toContain(theirs.id)
    }
    // The owner still sees it: the 404 is about who asks.
    await api.get(`/api/v1/videos/${theirs.id}`).set(other.auth).expect(200)
  })
})
