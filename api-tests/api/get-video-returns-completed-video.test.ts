import { GuideError, GuideVideo, GuideVideoList } from '../../harness/target/guide-schemas.ts'
import { VIDEO_URL_PATTERN, VideoListResponse, VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { parameters } from '../support/evidence.ts'
import { referenceFields } from '../support/reference-fields.ts'
import { signIn } from '../support/sign-in.ts'
import { generateAndComplete } from '../support/videos.ts'
import { expectWholeFileAtCompletion, promptWithSlowDownload } from '../support/whole-file.ts'

describe('GET /api/v1/videos/{id}', () => {
  test('returns the finished video: status completed, video_url /uploads/videos/user_X_video_Y.mp4 @API-01 @API-02 @API-03', async ({
    api,
    suite,
    signedInUser,
    prompt,
    conformance,
    localStack,
  }) => {
    const sent = await promptWithSlowDownload(localStack, prompt)
    const { completed, pollMs } = await generateAndComplete(suite, signedInUser, sent)
    // completed means the file is there, whole, from the first answer that says so.
    await expectWholeFileAtCompletion(api, suite, completed)
    // The guide's "completes after ~10 s", as a client sees it (201 → first poll that says completed).
    await parameters({ '201 → completed, polled every 250 ms (s)': (pollMs / 1000).toFixed(1) })
    const res = await api.get(`/api/v1/videos/${completed.id}`).set(signedInUser.auth).expect(200)
    const video = GuideVideo.parse(res.body)
    expect(video).toMatchObject({
      id: completed.id,
      user_id: signedInUser.id,
      prompt: sent,
      status: 'completed',
    })
    expect(video.video_url).toBe(`/uploads/videos/user_${signedInUser.id}_video_${completed.id}.mp4`)
    expect(video.video_url).toMatch(VIDEO_URL_PATTERN)
    // The reference's full answer: every field, progress 100, the sample's resolution and a duration.
    await conformance.schema('GET /api/v1/videos/{id}', VideoResponse, res.body)
    await referenceFields(
      conformance,
      'GET /api/v1/videos/{id}',
      { model: 'sora-2', progress: 100, resolution: '1280x720', error_message: null },
      res.body,
    )
    if (!(Number(res.body.duration) > 0))
      await conformance.differs({
        where: 'GET /api/v1/videos/{id} .duration',
        expected: 'a duration > 0',
        got: JSON.stringify(res.body.duration ?? null),
      })

    const list = await api.get('/api/v1/videos?status_filter=completed').set(signedInUser.auth).expect(200)
    // A prepared user may hold finished videos of earlier runs: the filter is what is checked.
    const listed = GuideVideoList.parse(list.body).videos
    expect(listed.map((v) => v.id)).toContain(completed.id)
    expect(listed.filter((v) => v.status !== 'completed')).toEqual([])
    await conformance.schema('GET /api/v1/videos', VideoListResponse, list.body)
  })

  test("answers 404 'Video with id N not found' for another user's video @API-01", async ({
    api,
    suite,
    signedInUser,
    prompt,
    conformance,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser, prompt)
    const other = await signIn(suite)
    const res = await api.get(`/api/v1/videos/${completed.id}`).set(other.auth).expect(404)
    const error = GuideError.parse(res.body)
    await conformance.equal(
      'GET /api/v1/videos/{id} 404 .detail',
      `Video with id ${completed.id} not found`,
      error.detail,
    )
  })
})
