import { Pacticipant } from '../pact-files.ts'
import { appVersion, brokerFromEnv } from './broker-env.ts'
import { pactBroker } from './pact-broker-cli.ts'

/**
 * `npm run pact:can-i-deploy [pacticipant...]`: asks the broker whether this version of each of our
 * deployables (web, API, worker; or those named) may go to PACT_ENVIRONMENT (default production), waiting
 * for verification results still under way (PACT_CAN_I_DEPLOY_RETRIES × 10 s, default 6). Without
 * PACT_BROKER_BASE_URL it says so and exits 0.
 */
const DEPLOYABLES: readonly Pacticipant[] = [Pacticipant.web, Pacticipant.api, Pacticipant.worker]
const named = process.argv.slice(2)
const unknown = named.filter((n) => !DEPLOYABLES.includes(n as Pacticipant))
if (unknown.length > 0) {
  console.error(
    `pact:can-i-deploy: unknown pacticipant ${unknown.join(', ')} (one of ${DEPLOYABLES.join(', ')})`,
  )
  process.exit(2)
}
const pacticipants = named.length > 0 ? named : DEPLOYABLES

const broker = brokerFromEnv()
if (!broker) {
  console.log(
    'pact:can-i-deploy: PACT_BROKER_BASE_URL is not set, so there is no verification matrix to ask and nothing ' +
      'is checked. The local gate is `npm run test:contracts` (consumer tests, then every provider verified ' +
      'against the local pact files in contracts/pacts/).',
  )
  process.exit(0)
}

const version = appVersion()
const environment = process.env.PACT_ENVIRONMENT || 'production'
const retries = process.env.PACT_CAN_I_DEPLOY_RETRIES || '6'
let status = 0
for (const pacticipant of pacticipants) {
  console.log(`pact:can-i-deploy: ${pacticipant} ${version} to ${environment}?`)
  const args = ['can-i-deploy', '--pacticipant', pacticipant, '--version', version]
  args.push('--to-environment', environment, '--retry-while-unknown', retries, '--retry-interval', '10')
  status = Math.max(status, pactBroker(broker, args))
}
process.exit(status)
