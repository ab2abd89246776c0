import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StackBuilder } from '../../harness/stack/stack-builder.ts'
import type { StartedStack } from '../../harness/stack/started-stack.ts'
import { createTokenService } from '../../system/api/src/services/tokens.ts'
import { upsertGoogleUser } from '../../system/db/users.ts'
import { loadApiConfig } from '../../system/shared/config.ts'
import { QUEUE_NAME } from '../../system/shared/queue.ts'
import { MAX_UPLOAD_BYTES } from '../../system/shared/schemas/uploads.ts'
import { createApiClient } from '../../system/web/src/api-client.ts'
import { verifyJobMessagePact, verifyWebPact } from '../provider/api-pacts.ts'
import { type ApiUnderTest, GOOGLE_CLIENT_ID, JWT_SECRET } from '../provider/api-under-test.ts'

/**
 * The API's pacts verified against the API *container* of docker-compose.test.yml (npm run
 * test:containers), not the in-process factory: the same state handlers seed its PostgreSQL through the
 * mapped port, empty its queue in the containers' Redis, sign requests with the stack's JWT secret and
 * get sign-in codes from the mock-google container. No worker runs, so a pending video stays pending.
 * mock-sora's pact is not verified here: its states run the mock on a manual clock, which only the
 * in-process factory has.
 */
const GOOGLE_SECRET = 'aivideo-contracts-secret'

describe('aivideo-api in its container', () => {
  let stack: StartedStack
  let api: ApiUnderTest
  beforeAll(async () => {
    stack = await new StackBuilder()
      .withDriver('containers')
      .withWorkers(0)
      .withoutWeb()
      .withJwtSecret(JWT_SECRET)
      .withEnv(
        {
          GOOGLE_CLIENT_ID,
          GOOGLE_CLIENT_SECRET: GOOGLE_SECRET,
          GENERATE_RATE_LIMIT_PER_MIN: '0',
        },
        'api',
      )
      .withEnv(
        { MOCK_GOOGLE_CLIENT_ID: GOOGLE_CLIENT_ID, MOCK_GOOGLE_CLIENT_SECRET: GOOGLE_SECRET },
        'mock-google',
      )
      .start()
    const queue = new Queue(QUEUE_NAME, {
      connection: { url: stack.redisUrl },
      prefix: stack.config.queuePrefix,
    })
    api = {
      url: stack.urls.api,
      googleUrl: stack.urls.mockGoogle,
      config: loadApiConfig({
        REDIS_URL: stack.redisUrl,
        DATABASE_URL: stack.databaseUrl,
        JWT_SECRET,
        QUEUE_PREFIX: stack.config.queuePrefix,
        GOOGLE_CLIENT_ID,
        GOOGLE_CLIENT_SECRET: GOOGLE_SECRET,
      }),
      pool: stack.db,
      queue,
      close: () => queue.close(),
    }
  }, 600_000)
  afterAll(async () => {
    await api?.close()
    await stack?.stop()
  }, 120_000)

  it('answers every interaction the web frontend’s pact expects', async () => {
    const report = await verifyWebPact(api)
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })

  it('enqueues the generate-video job message the worker’s pact expects @BE-04', async () => {
    const report = await verifyJobMessagePact(api)
    expect(report.failures).toEqual([])
    expect(report.results.length).toBeGreaterThan(0)
  })

  it('refuses the web client’s upload of 10 MB + 1 byte with 413 and takes 10 MB', async () => {
    const user = await upsertGoogleUser(api.pool, {
      sub: 'container-upload-limit',
      email: 'container-upload-limit@example.test',
      name: 'Upload Limit',
      picture: null,
    })
    const token = await createTokenService(JWT_SECRET).sign({ userId: user.id, kind: 'access' }, 300)
    const client = createApiClient({ baseUrl: api.url, getToken: () => token })
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const png = (bytes: number) =>
      new Blob([Buffer.concat([signature, Buffer.alloc(bytes - signature.length)])], { type: 'image/png' })
    expect(await client.uploadImage(png(MAX_UPLOAD_BYTES + 1), 'too-big.png')).toEqual({
      ok: false,
      status: 413,
      detail: 'Request body too large',
    })
    const fits = await client.uploadImage(png(MAX_UPLOAD_BYTES), 'fits.png')
    expect(fits.ok).toBe(true)
  })
})
