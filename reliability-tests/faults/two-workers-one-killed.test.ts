import { onTestFinished } from 'vitest'
import { parameters } from '../../api-tests/support/evidence.ts'
import { waitForSoraJob, waitForTerminal } from '../../api-tests/support/terminal.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import type { WorkerName } from '../../harness/stack/started-stack.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { expectCreditInvariant } from '../support/invariant.ts'

const VIDEOS = 4

/**
 * Two workers share the queue; one of them is SIGKILLed while it holds jobs and is NOT restarted. The
 * survivor picks the dead worker's jobs up once their locks expire, and every video completes.
 */
describe('two workers, one killed', () => {
  test('the surviving worker finishes the killed worker’s jobs: all completed, each charged once @REL-02', async ({
    suite,
    stack,
    control,
    mockSora,
    user,
  }) => {
    const second = must(await control.addWorker(), 'add a worker').name as WorkerName
    onTestFinished(async () => {
      // Leave the stack as it was: worker-1 running, the extra one gone.
      must(await control.stop(second), `stop ${second}`)
      must(await control.ensureRunning('worker-1'), 'worker-1 running')
    })
    must(await mockSora.setFault({ mode: 'slow', count: VIDEOS, duration_s: 3 }), 'arm slow')
    const videos = await Promise.all(
      Array.from({ length: VIDEOS }, async () => (await generate(suite.apiUrl, user)).video),
    )
    for (const v of videos) await waitForSoraJob(stack.db, v.id)

    // Kill a worker that holds at least one of these jobs (BullMQ decides who takes what).
    const holders = (name: WorkerName) =>
      new Set(
        stack
          .logs(name)
          .filter((e) => e.event === LogEvent.jobReceived)
          .map((e) => e.videoId as number)
          .filter((id) => videos.some((v) => v.id === id)),
      )
    const victim: WorkerName = holders(second).size > 0 ? second : 'worker-1'
    const survivor: WorkerName = victim === second ? 'worker-1' : second
    const orphaned = [...holders(victim)]
    must(await control.kill(victim), `kill ${victim}`)
    await parameters({ killed: victim, survivor, 'jobs it held': orphaned.join(', ') })
    expect(orphaned.length).toBeGreaterThan(0)

    for (const v of videos) expect((await waitForTerminal(suite.apiUrl, user, v.id)).status).toBe('completed')
    const finishedBySurvivor = stack
      .logs(survivor)
      .filter((e) => e.event === LogEvent.jobCompleted)
      .map((e) => e.videoId as number)
    for (const id of orphaned) expect(finishedBySurvivor).toContain(id)

    const [ledger] = await expectCreditInvariant(stack, [user.id])
    expect(ledger).toMatchObject({
      initial: 100,
      balance: 100 - 10 * VIDEOS,
      videos: VIDEOS,
      completed: VIDEOS,
    })
  })
})
