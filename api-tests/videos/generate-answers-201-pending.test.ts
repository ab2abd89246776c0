import { randomUUID } from 'node:crypto'
import { GuideVideo } from '../../harness/target/guide-schemas.ts'
import { waitFor } from '../../harness/wait.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { VideoResponse } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachVideoLogs } from '../support/evidence.ts'
import { referenceFields } from '../support/reference-fields.ts'
import { GUIDE_PROMPT } from '../support/videos.ts'

describe('POST /api/v1/videos/generate', () => {
  test('answers 201 Created with the new video, status pending @BE-01 @BE-02', async ({
    api,
    signedInUser,
    conformance,
  }) => {
    const res = await api
      .post('/api/v1/videos/generate')
      .set(signedInUser.auth)
      .set('idempotency-key', randomUUID())
      .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
    expect(res.status).toBe(201)
    const video = GuideVideo.parse(res.body)
    expect(video).toMatchObject({ user_id: signedInUser.id, prompt: GUIDE_PROMPT, status: 'pending' })
    expect(video.video_url ?? null).toBeNull()
    await conformance.schema('POST /api/v1/videos/generate 201', VideoResponse, res.body)
    await referenceFields(
      conformance,
      'POST /api/v1/videos/generate 201',
      { model: 'sora-2', progress: 0, error_message: null },
      res.body,
    )
  })

  test('logs it as the guide shows: "POST /api/v1/videos/generate HTTP/1.1" 201 Created, then the queued line @BE-01 @BE-02', async ({
    api,
    signedInUser,
    stack,
  }) => {
    const res = await api
      .post('/api/v1/videos/generate')
      .set(signedInUser.auth)
      .send({ prompt: GUIDE_PROMPT, model: 'sora-2' })
      .expect(201)
    const { id } = VideoResponse.parse(res.body)
    const [queued, access] = await waitFor(
      async () => {
        const logs = stack.logs('api')
        const q = logs.find((e) => e.event === LogEvent.videoQueued && e.videoId === id)
        const a = q && logs.find((e) => e.event === LogEvent.httpRequest && e.reqId === q.reqId)
        return q && a ? { done: true, value: [q, a] as const } : { done: false, seen: `queued: ${!!q}` }
      },
      { deadlineMs: 5000, what: `API log lines of video ${id}` },
    )
    await attachVideoLogs(stack, id)
    expect(queued.msg).toBe(`✅ Video generation task queued for video_id: ${id}`)
    expect(access).toMatchObject({
      method: 'POST',
      path: '/api/v1/videos/generate',
      status: 201,
      msg: '"POST /api/v1/videos/generate HTTP/1.1" 201 Created',
    })
  })
})
