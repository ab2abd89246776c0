import { Pacticipant } from '../pact-files.ts'
import { apiProviderStates } from './api-states.ts'
import type { ApiUnderTest } from './api-under-test.ts'
import { jobMessageProviders } from './job-message-provider.ts'
import { type VerificationReport, verifyPact } from './verify.ts'

/**
 * The API's two pacts, verified against an API under test wherever it runs (in-process or in its
 * container): the web frontend's HTTP interactions and the worker's job message.
 */
export function verifyWebPact(api: ApiUnderTest): Promise<VerificationReport> {
  const states = apiProviderStates({ pool: api.pool, queue: api.queue, googleUrl: api.googleUrl })
  return verifyPact({
    consumer: Pacticipant.web,
    provider: Pacticipant.api,
    options: { providerBaseUrl: api.url, ...states },
  })
}

export function verifyJobMessagePact(api: ApiUnderTest): Promise<VerificationReport> {
  const { stateHandlers, accessToken } = apiProviderStates({
    pool: api.pool,
    queue: api.queue,
    googleUrl: api.googleUrl,
  })
  return verifyPact({
    consumer: Pacticipant.worker,
    provider: Pacticipant.api,
    options: { stateHandlers, messageProviders: jobMessageProviders(api, accessToken) },
  })
}
