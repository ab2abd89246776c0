import { onTestFinished } from 'vitest'
import type { SuiteTarget } from '../../api-tests/setup/suite-target.ts'
import type { LocalStack } from '../../api-tests/support/local-stack.ts'
import type { SignedInUser } from '../../api-tests/support/sign-in.ts'
import { waitForSoraJob } from '../../api-tests/support/terminal.ts'
import { generate } from '../../api-tests/support/videos.ts'
import { must } from '../../harness/must.ts'
import type { StackControlClient } from '../../harness/stack/control-client.ts'
import type { MockSoraControl } from '../../harness/stack/mock-sora-control.ts'
import type { ServiceName } from '../../harness/stack/started-stack.ts'

interface InFlightFixtures {
  suite: SuiteTarget
  stack: LocalStack
  control: StackControlClient
  mockSora: MockSoraControl
  user: SignedInUser
}

/**
 * The opening of a fault scenario that hits `service`: the service is put back running after the test,
 * whatever it did; then a video whose Sora job is under way (a 3 s slow job), so that the fault lands
 * while the worker waits on Sora. Resolves with the video and its Sora job id.
 */
export async function videoInFlight(
  { suite, stack, control, mockSora, user }: InFlightFixtures,
  service: ServiceName,
) {
  onTestFinished(async () => void must(await control.ensureRunning(service), `${service} running`))
  must(await mockSora.setFault({ mode: 'slow', count: 1, duration_s: 3 }), 'arm slow')
  const { video } = await generate(suite.apiUrl, user)
  return { video, soraJobId: await waitForSoraJob(stack.db, video.id) }
}
