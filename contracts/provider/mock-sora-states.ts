import type { MockFaultRequest } from '../../system/mock-sora/src/control-schema.ts'
import { SoraVideo } from '../../system/shared/schemas/sora.ts'
import { SORA_CONTRACT_API_KEY, SORA_VIDEO_ID, SoraState } from '../provider-states.ts'
import { ManualClock, type MockSoraUnderTest } from './mock-sora-under-test.ts'
import type { StateHandlers } from './verifier-types.ts'

/**
 * Provider states of `openai-videos` on mock-sora, set through the mock's own HTTP surface (in-process):
 * `/__mock/reset` and `/__mock/faults`, a job created with `POST /v1/videos`, and the manual clock moved to
 * the point of the job's life the state names. Job states hand the job's id back to the verifier.
 */
export function mockSoraProviderStates(mock: MockSoraUnderTest): StateHandlers {
  const call = async (method: 'POST', url: string, payload?: object) => {
    const res = await mock.app.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${SORA_CONTRACT_API_KEY}` },
    })
    if (res.statusCode !== 200) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`)
    return res.json() as unknown
  }
  const fresh = async () => {
    mock.clock.ms = ManualClock.START_MS
    await call('POST', '/__mock/reset')
  }
  const arm = (fault: MockFaultRequest) => call('POST', '/__mock/faults', fault)
  /** A job created now, with the clock then moved `fraction` of its duration on. */
  const jobAt = async (fraction: number) => {
    const job = SoraVideo.parse(
      await call('POST', '/v1/videos', {
        prompt: 'A cinematic product showcase with smooth camera movements',
        model: 'sora-2',
        seconds: '8',
        size: '1280x720',
      }),
    )
    mock.clock.ms += fraction * mock.durationS * 1000
    return { [SORA_VIDEO_ID]: job.id }
  }

  return {
    [SoraState.apiKeyIsValid]: async () => {
      await fresh()
      return undefined
    },
    [SoraState.jobIsQueued]: async () => {
      await fresh()
      return jobAt(0)
    },
    [SoraState.jobIsInProgress]: async () => {
      await fresh()
      return jobAt(0.5)
    },
    [SoraState.jobIsCompleted]: async () => {
      await fresh()
      return jobAt(1)
    },
    [SoraState.jobHasFailed]: async () => {
      await fresh()
      await arm({ mode: 'fail', count: 1 })
      return jobAt(1)
    },
    [SoraState.jobDoesNotExist]: async () => {
      await fresh()
      return undefined
    },
    [SoraState.apiKeyIsRateLimited]: async () => {
      await fresh()
      await arm({ mode: 'rate_limit', count: 1 })
      return undefined
    },
  }
}
