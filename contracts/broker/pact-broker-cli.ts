import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import type { Broker } from './broker-env.ts'

const require = createRequire(import.meta.url)
const PACT_BROKER_BIN = require.resolve('@pact-foundation/pact-cli/bin/pact-broker.js')

/**
 * Runs `pact-broker <args>` (the Rust CLI of @pact-foundation/pact-cli) against the broker, its output
 * straight to ours; resolves with its exit status. Credentials travel in the environment, which the CLI
 * reads itself, so they never appear in a process listing.
 */
export function pactBroker(broker: Broker, args: string[]): number {
  const result = spawnSync(
    process.execPath,
    [PACT_BROKER_BIN, ...args, '--broker-base-url', broker.baseUrl, '--retries', '3'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...(broker.token ? { PACT_BROKER_TOKEN: broker.token } : {}),
        ...(broker.username ? { PACT_BROKER_USERNAME: broker.username } : {}),
        ...(broker.password ? { PACT_BROKER_PASSWORD: broker.password } : {}),
      },
    },
  )
  if (result.error) throw result.error
  return result.status ?? 1
}
