import { startSideService } from '../../harness/stack/side-service.ts'
import { excludeFromLedger } from '../../harness/target/user-pool.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachLog } from '../support/evidence.ts'
import { touchedUser } from '../support/sign-in.ts'
import { GUIDE_PROMPT, generate } from '../support/videos.ts'

/**
 * The stack's worker takes a job within milliseconds of the 201 and marks it processing, so reading
 * the row "right after" would race it. This test gives the stack's database a second API whose queue
 * (its own prefix) no worker serves: the row the API wrote stays exactly as the 201 left it.
 */
describe('the database right after the 201', () => {
  test('holds the video with status pending, its charge beside it, and a waiting queue job @BE-03 @BE-04', async ({
    suite,
    stack,
    signedInUser,
  }) => {
    const { wiring, logDir, apiEnv } = stack.info
    const heldPrefix = `${wiring.queuePrefix}-held`
    await using heldApi = await startSideService({
      role: 'api',
      name: 'api-held-queue',
      wiring,
      logDir,
      env: { ...apiEnv, QUEUE_PREFIX: heldPrefix },
    })
    const { video } = await generate(heldApi.url!, signedInUser)
    // Its video stays pending for good (no worker serves that queue): the ledger check cannot settle it.
    excludeFromLedger(
      suite.userPoolDir,
      [touchedUser(suite, signedInUser)],
      'its video stays pending on purpose: the held queue no worker serves',
    )

    const row = await stack.videoRow(video.id)
    expect(row).toMatchObject({
      id: video.id,
      user_id: signedInUser.id,
      prompt: GUIDE_PROMPT,
      model: 'sora-2',
      status: 'pending',
      progress: 0,
      video_url: null,
      resolution: null,
      duration: null,
    })
    expect(await stack.ledger(signedInUser.id)).toEqual([
      { video_id: null, delta: 100, reason: 'signup' },
      { video_id: video.id, delta: -10, reason: 'generate' },
    ])
    const job = await stack.job(video.id, heldPrefix)
    expect(await job?.getState()).toBe('waiting')
    await attachLog(
      `held API log, video ${video.id}`,
      heldApi.logs().filter((e) => e.videoId === video.id),
    )
  })
})
