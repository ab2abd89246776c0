import type { VerifierOptions } from '@pact-foundation/pact'
import { appBranch, appVersion, brokerFromEnv, publishesResults } from '../broker/broker-env.ts'
import { type Pacticipant, pactFile } from '../pact-files.ts'

export interface PactSource {
  /** What the verification reads, for the test report: a file path or the broker's URL. */
  description: string
  options: Pick<
    VerifierOptions,
    | 'pactUrls'
    | 'pactBrokerUrl'
    | 'pactBrokerToken'
    | 'pactBrokerUsername'
    | 'pactBrokerPassword'
    | 'consumerVersionSelectors'
    | 'enablePending'
    | 'publishVerificationResult'
    | 'providerVersion'
    | 'providerVersionBranch'
  >
}

/**
 * Where a verification takes the pact of one consumer from. With a broker: the consumer's main branch,
 * its version on the same branch, and whatever is deployed or released, results published from CI only.
 * Without one (or with `localOnly`): the file the consumer test just wrote.
 */
export function pactSource(
  consumer: Pacticipant,
  provider: Pacticipant,
  opts: { localOnly?: boolean } = {},
): PactSource {
  const broker = brokerFromEnv()
  if (!broker || opts.localOnly) {
    const file = pactFile(consumer, provider)
    const why = broker ? 'this check always reads the local file' : 'PACT_BROKER_BASE_URL not set'
    return { description: `local file ${file} (${why})`, options: { pactUrls: [file] } }
  }
  const publish = publishesResults()
  return {
    description: `${broker.baseUrl} (${consumer}: main branch, matching branch, deployed or released)`,
    options: {
      pactBrokerUrl: broker.baseUrl,
      ...(broker.token ? { pactBrokerToken: broker.token } : {}),
      ...(broker.username ? { pactBrokerUsername: broker.username } : {}),
      ...(broker.password ? { pactBrokerPassword: broker.password } : {}),
      consumerVersionSelectors: [
        { consumer, mainBranch: true },
        { consumer, matchingBranch: true },
        { consumer, deployedOrReleased: true },
      ],
      enablePending: true,
      // The branch tells the broker which pacts are still pending for this provider.
      providerVersion: appVersion(),
      providerVersionBranch: appBranch(),
      ...(publish ? { publishVerificationResult: true } : {}),
    },
  }
}
