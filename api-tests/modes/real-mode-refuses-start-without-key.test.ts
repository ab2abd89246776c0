import { skipWithReason } from '../../harness/vitest/skip.ts'
import { loadWorkerConfig } from '../../system/shared/config.ts'
import { describe, test } from '../fixtures/test.ts'
import { attachLog } from '../support/evidence.ts'
import { runUntilExit } from '../support/spawn.ts'

const LOCAL_ONLY =
  'starts the reference system’s own processes: says nothing about the deployment at TARGET_API_URL'

/** Everything the API needs except the key, so that the key is the only thing missing. */
const REAL_WITHOUT_KEY = {
  USE_MOCK_SORA: 'false',
  JWT_SECRET: 'x'.repeat(48),
  DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
  REDIS_URL: 'redis://127.0.0.1:1/0',
}

// Both processes compile their whole module graph before they read the env: run side by side.
describe.concurrent('real mode without OPENAI_API_KEY', () => {
  for (const [role, entry] of [
    ['API', 'system/api/src/server.ts'],
    ['worker', 'system/worker/src/server.ts'],
  ] as const) {
    test(`stops the ${role} at start with a non-zero exit and a message naming OPENAI_API_KEY @MODE-01`, async ({
      suite,
      skip,
      annotate,
      expect,
    }) => {
      if (suite.mode === 'target') await skipWithReason({ skip, annotate }, LOCAL_ONLY)
      const exited = await runUntilExit(entry, REAL_WITHOUT_KEY)
      await attachLog(`${role} stderr`, [{ level: 50, time: '', msg: exited.stderr }])
      expect(exited.code).not.toBe(0)
      expect(exited.code).not.toBeNull()
      expect(exited.stderr).toContain('OPENAI_API_KEY')
      expect(exited.stderr).toMatch(/USE_MOCK_SORA=false/)
    })
  }

  test('waits up to 1200 s for a Sora job by default, the guide’s max_wait_seconds @MODE-01', async ({
    suite,
    skip,
    annotate,
    expect,
  }) => {
    // It reads our worker's config: on a target it would pass MODE-01 for code the target does not run.
    if (suite.mode === 'target') await skipWithReason({ skip, annotate }, LOCAL_ONLY)
    const config = loadWorkerConfig({ USE_MOCK_SORA: 'false', OPENAI_API_KEY: 'sk-test' })
    expect(config.MAX_WAIT_SECONDS).toBe(1200)
  })
})
