import { test as base, inject } from 'vitest'
import { NEEDS_STACK_CONTROL } from '../../harness/target/target-env.ts'
import { skipWithReason } from '../../harness/vitest/skip.ts'
import { type ApiUnderTest, startApiUnderTest } from './api-under-test.ts'
import { type MockSoraUnderTest, startMockSoraUnderTest } from './mock-sora-under-test.ts'

/**
 * In target mode (TARGET_API_URL) the consumer tests still run (they need no deployment), but no
 * verification can: each builds the reference system's provider in-process and seeds its provider
 * states through that provider's own database, queue and clock, which a deployment does not hand out.
 * The run starts no Redis or PostgreSQL for them, and each verification is skipped with this reason.
 */
export const IN_PROCESS_ONLY = `${NEEDS_STACK_CONTROL}: the verification builds the reference system’s provider in-process and seeds its provider states through its own database, queue and clock; it says nothing about the deployment at TARGET_API_URL`

const targetMode = Boolean(process.env.TARGET_API_URL)

export interface Infra {
  redisUrl: string
  databaseServerUrl: string
}

/**
 * The verifications' fixtures:
 * - `infra`: the run's throwaway Redis and PostgreSQL (harness/vitest/global-infra.ts);
 * - `api`: the API built in-process on them, with mock-google, once per file;
 * - `mockSora`: mock-sora built in-process on a manual clock, once per file.
 * In target mode each of them skips the test asking for it, with IN_PROCESS_ONLY as the reason.
 */
export const test = base
  .extend('localInfra', { scope: 'file' }, (): Infra | undefined =>
    targetMode ? undefined : { redisUrl: inject('redisUrl'), databaseServerUrl: inject('databaseUrl') },
  )
  .extend('infra', async ({ localInfra, skip, annotate }): Promise<Infra> => {
    if (!localInfra) return skipWithReason({ skip, annotate }, IN_PROCESS_ONLY)
    return localInfra
  })
  .extend('localApi', { scope: 'file' }, async ({ localInfra }, { onCleanup }) => {
    if (!localInfra) return undefined
    const api = await startApiUnderTest(localInfra)
    onCleanup(() => api.close())
    return api
  })
  .extend('api', async ({ localApi, skip, annotate }): Promise<ApiUnderTest> => {
    if (!localApi) return skipWithReason({ skip, annotate }, IN_PROCESS_ONLY)
    return localApi
  })
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('localMockSora', { scope: 'file' }, async ({}, { onCleanup }) => {
    if (targetMode) return undefined
    const mock = await startMockSoraUnderTest()
    onCleanup(() => mock.close())
    return mock
  })
  .extend('mockSora', async ({ localMockSora, skip, annotate }): Promise<MockSoraUnderTest> => {
    if (!localMockSora) return skipWithReason({ skip, annotate }, IN_PROCESS_ONLY)
    return localMockSora
  })

export { describe, expect } from 'vitest'
