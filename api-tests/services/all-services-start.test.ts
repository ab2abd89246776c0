import { ping } from '../../harness/stack/infra/redis.ts'
import { show } from '../../harness/target/conformance.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import { HealthResponse } from '../../system/shared/schemas/health.ts'
import { describe, expect, test } from '../fixtures/test.ts'
import { attachLog } from '../support/evidence.ts'
import { referenceFields } from '../support/reference-fields.ts'

describe('the services start (the guide: Redis, worker, API, in that order; and the mocks)', () => {
  test('answers GET /health with Redis, database and queue ok and a live worker @OK-01', async ({
    api,
    suite,
    conformance,
  }) => {
    // The guide's item: the API answers /health 200. Its parts are the reference's richer health.
    const res = await api.get('/health').expect(200)
    if (!suite.capabilities.healthParts.length)
      return conformance.differs({
        where: 'GET /health',
        expected: 'its parts (redis, database, queue, mock_sora, workers)',
        got: `a static /health: ${res.text.slice(0, 80)}`,
      })
    await conformance.schema('GET /health', HealthResponse, res.body)
    const parts = { status: 'ok', redis: 'ok', database: 'ok', queue: 'ok', mock_sora: suite.expectMock }
    await referenceFields(conformance, 'GET /health', parts, res.body)
    if (!(res.body.workers >= 1))
      await conformance.differs({
        where: 'GET /health .workers',
        expected: '≥ 1',
        got: show(res.body.workers),
      })
  })

  test('started Redis (PONG), PostgreSQL, both mocks, a ready worker, then the API with its banner @OK-01', async ({
    stack,
  }) => {
    const { wiring, mockSoraUrl } = stack.info
    expect(await ping(wiring.redisUrl)).toBe('PONG')
    expect((await stack.db.query('SELECT 1 AS one')).rows[0].one).toBe(1)
    expect((await fetch(`${mockSoraUrl}/health`)).status).toBe(200)
    expect((await fetch(`http://${wiring.host}:${wiring.ports.mockGoogle}/health`)).status).toBe(200)

    const worker = stack.logs('worker-1')
    const api = stack.logs('api')
    await attachLog('worker start-up', worker.filter((e) => !e.videoId).slice(0, 10))
    await attachLog('API start-up', api.filter((e) => e.event !== LogEvent.httpRequest).slice(0, 10))
    const connected = worker.find((e) => e.event === LogEvent.workerConnected)
    const ready = worker.find((e) => e.event === LogEvent.workerReady)
    expect(connected?.msg).toMatch(/^Connected to redis:\/\//)
    expect(ready).toMatchObject({ msg: 'ready', task: 'generate_video_task' })

    const banner = api.filter((e) => e.event === LogEvent.apiBanner || e.event === LogEvent.apiStarting)
    expect(banner.map((e) => e.msg)).toEqual([
      '='.repeat(60),
      'USING MOCK SORA SERVICE FOR TESTING',
      'Set USE_MOCK_SORA=false in config to use real OpenAI API',
      '='.repeat(60),
      'AIVideo.DIY API starting...',
      'Debug mode: True',
      expect.stringMatching(/^API docs: http:\/\/.+\/docs$/),
    ])
    // The guide's order: the worker is ready before the API starts.
    expect(Date.parse(String(ready!.time))).toBeLessThanOrEqual(Date.parse(String(banner[0]!.time)))
  })
})
