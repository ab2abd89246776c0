import { readdirSync } from 'node:fs'
import { relative } from 'node:path'
import { PACT_DIR } from '../pact-files.ts'
import { appBranch, appVersion, brokerFromEnv } from './broker-env.ts'
import { pactBroker } from './pact-broker-cli.ts'

/**
 * `npm run pact:publish`: the pact files the consumer tests wrote go to the Pact Broker, as version
 * `appVersion()` on branch `appBranch()`. Without PACT_BROKER_BASE_URL it says so and exits 0: the local
 * files are what the local verifications read.
 */
const dir = relative(process.cwd(), PACT_DIR)
const files = (() => {
  try {
    return readdirSync(PACT_DIR).filter((f) => f.endsWith('.json'))
  } catch {
    return []
  }
})()
if (files.length === 0) {
  console.error(`pact:publish: no pact files in ${dir}/ - run \`npm run test:contracts\` first`)
  process.exit(1)
}

const broker = brokerFromEnv()
if (!broker) {
  console.log(
    `pact:publish: PACT_BROKER_BASE_URL is not set, so nothing is published. The local pact files are used:\n` +
      files.map((f) => `  ${dir}/${f}`).join('\n') +
      '\nSet PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD) to publish.',
  )
  process.exit(0)
}

const version = appVersion()
const branch = appBranch()
console.log(
  `pact:publish: ${files.length} pact files to ${broker.baseUrl} as version ${version} on branch ${branch}`,
)
process.exit(pactBroker(broker, ['publish', dir, '--consumer-app-version', version, '--branch', branch]))
