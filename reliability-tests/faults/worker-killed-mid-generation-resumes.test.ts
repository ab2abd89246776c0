import { attachVideoLogs, parameters } from '../../api-tests/support/evidence.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { must } from '../../harness/must.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'
import { videoInFlight } from '../support/video-in-flight.ts'

/**
 * The worker dies (SIGKILL: no shutdown, no release) while its video waits on Sora. Its job stays
 * locked until the lock expires; a restarted worker then finds it stalled, takes it again and resumes
 * the same Sora job (stored on the video) instead of paying for a second generation.
 */
describe('a worker killed in the middle of a generation', () => {
  test('leaves the job to a restarted worker, which resumes the same Sora job: completed, charged once @REL-01', async ({
    suite,
    stack,
    control,
    mockSora,
    user,
  }) => {
    const { video, soraJobId } = await videoInFlight({ suite, stack, control, mockSora, user }, 'worker-1')

    const killedAt = Date.now()
    must(await control.kill('worker-1'), 'kill worker-1')
    const row = await stack.videoRow(video.id)
    expect(row?.status).toBe('processing')
    must(await control.restart('worker-1'), 'restart worker-1')

    const done = await waitForTerminal(suite.apiUrl, user, video.id)
    await parameters({ 'kill to completed (ms)': Date.now() - killedAt, 'sora job': soraJobId })
    await attachVideoLogs(stack, video.id)
    expect(done.status).toBe('completed')
    expect(done.video_url).toBe(`/uploads/videos/user_${user.id}_video_${video.id}.mp4`)

    // The restarted worker resumed the first attempt's Sora job: one generation at Sora, too (a second
    // create would log reused: false again and store another id).
    const resumed = stack
      .logs('worker-1')
      .filter((e) => e.videoId === video.id && e.event === LogEvent.soraJobCreated)
    expect(resumed.map((e) => [e.soraJobId, e.reused])).toEqual([
      [soraJobId, false],
      [soraJobId, true],
    ])
    expect((await stack.videoRow(video.id))?.status).toBe('completed')
    const { rows } = await stack.db.query('SELECT sora_job_id FROM videos WHERE id = $1', [video.id])
    expect(rows[0]?.sora_job_id).toBe(soraJobId)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({ initial: 100, balance: 90, videos: 1, completed: 1, refunded: 0 })
  })
})
