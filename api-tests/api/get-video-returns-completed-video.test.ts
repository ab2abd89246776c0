import { ErrorResponse } from '../../system/shared/schemas/errors.ts'
import { VIDEO_URL_PATTERN, VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { signIn } from '../support/sign-in.ts'
import { GUIDE_PROMPT, generateAndComplete } from '../support/videos.ts'

describe('GET /api/v1/videos/{id}', () => {
  test('returns the finished video: status completed, video_url /uploads/videos/user_X_video_Y.mp4 @API-01 @API-02 @API-03', async ({
    api,
    suite,
    signedInUser,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser)
    const res = await api.get(`/api/v1/videos/${completed.id}`).set(signedInUser.auth).expect(200)
    const video = VideoResponse.parse(res.body)
    expect(video).toMatchObject({
      id: completed.id,
      user_id: signedInUser.id,
      prompt: GUIDE_PROMPT,
      model: 'sora-2',
      status: 'completed',
      progress: 100,
      resolution: '1280x720',
      error_message: null,
    })
    expect(video.video_url).toBe(`/uploads/videos/user_${signedInUser.id}_video_${completed.id}.mp4`)
    expect(video.video_url).toMatch(VIDEO_URL_PATTERN)
    expect(video.duration).toBeGreaterThan(0)

    const list = await api.get('/api/v1/videos?status_filter=completed').set(signedInUser.auth).expect(200)
    expect(list.body.videos.map((v: VideoResponse) => v.id)).toEqual([completed.id])
  })

  test("answers 404 'Video with id N not found' for another user's video @API-01", async ({
    api,
    suite,
    signedInUser,
  }) => {
    const { completed } = await generateAndComplete(suite, signedInUser)
    const other = await signIn(suite)
    const res = await api.get(`/api/v1/videos/${completed.id}`).set(other.auth).expect(404)
    expect(ErrorResponse.parse(res.body)).toEqual({ detail: `Video with id ${completed.id} not found` })
  })
})
