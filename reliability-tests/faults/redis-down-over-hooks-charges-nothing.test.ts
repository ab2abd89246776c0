import { onTestFinished } from 'vitest'
import { creditsOf } from '../../api-tests/support/balance.ts'
import { parameters } from '../../api-tests/support/evidence.ts'
import { allVideos } from '../../api-tests/support/ledger.ts'
import { waitForTerminal } from '../../api-tests/support/terminal.ts'
import { guideBody } from '../../api-tests/support/videos.ts'
import { GuideError } from '../../harness/target/guide-schemas.ts'
import { TERMINAL_STATUSES } from '../../system/shared/schemas/videos.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { HOOK_SCENARIO_TIMEOUT_MS, runHook, untilQuiet } from '../support/fault-hooks.ts'

/**
 * Redis down on a deployment the user controls, through their fault hooks: a generate must be refused
 * as "cannot queue now" (a 4xx or 503 with a JSON detail; a 500 is the defect), charge nothing and leave
 * no video stuck before a terminal state (a row it made must end completed or failed once Redis is back).
 * Locally the stack-control variant is redis-restart-recovers.test.ts.
 */
describe('Redis down, through the fault hooks', () => {
  test('a generate is refused with a 503 or 4xx and a detail, charges nothing, and leaves no video stuck @REL-03', {
    timeout: HOOK_SCENARIO_TIMEOUT_MS,
  }, async ({ api, suite, user, faultHooks }) => {
    await faultHooks('redis-stop', 'redis-start')
    const body = await guideBody(suite, user)
    const before = {
      credits: await creditsOf(suite.apiUrl, user),
      ids: (await allVideos(suite.apiUrl, user.auth)).map((v) => v.id),
    }
    let down = false
    const redisStart = async () => {
      if (down) await runHook(suite, 'redis-start')
      down = false
    }
    onTestFinished(redisStart)
    await untilQuiet(suite)
    await runHook(suite, 'redis-stop')
    down = true

    const res = await api.post('/api/v1/videos/generate').set(user.auth).timeout(60_000).send(body)
    const credits = await creditsOf(suite.apiUrl, user)
    const made = (await allVideos(suite.apiUrl, user.auth)).filter((v) => !before.ids.includes(v.id))
    await parameters({
      'generate answered': `${res.status} ${res.text.slice(0, 200)}`,
      'credits before': before.credits,
      'credits after': credits,
    })
    expect
      .soft(
        res.status === 503 || (res.status >= 400 && res.status < 500),
        `generate while Redis is down: ${res.status}`,
      )
      .toBe(true)
    expect.soft(GuideError.safeParse(res.body).success, 'a JSON detail').toBe(true)
    expect.soft(credits, 'credits while Redis is down').toBe(before.credits)

    await redisStart()
    for (const v of made) {
      const end = TERMINAL_STATUSES.includes(v.status)
        ? v
        : await waitForTerminal(suite.apiUrl, user, v.id, 60_000).catch((e: Error) => e)
      expect
        .soft(end instanceof Error ? end.message : end.status, `video ${v.id} made while Redis was down`)
        .toMatch(/^(completed|failed)$/)
    }
  })
})
