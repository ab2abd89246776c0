import { execFileSync } from 'node:child_process'

/**
 * The Pact Broker, when there is one: `PACT_BROKER_BASE_URL` (and `PACT_BROKER_TOKEN`, or
 * `PACT_BROKER_USERNAME`/`PACT_BROKER_PASSWORD`) turn the broker workflow on; without them everything
 * runs on the local files in contracts/pacts/.
 */
export interface Broker {
  baseUrl: string
  token: string | undefined
  username: string | undefined
  password: string | undefined
}

export function brokerFromEnv(env: NodeJS.ProcessEnv = process.env): Broker | null {
  const baseUrl = env.PACT_BROKER_BASE_URL?.trim()
  if (!baseUrl) return null
  return {
    baseUrl,
    token: env.PACT_BROKER_TOKEN || undefined,
    username: env.PACT_BROKER_USERNAME || undefined,
    password: env.PACT_BROKER_PASSWORD || undefined,
  }
}

function git(args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || undefined
    )
  } catch {
    return undefined
  }
}

/** The version every pacticipant publishes and verifies as: the commit (CI may name it), else "dev". */
export function appVersion(env: NodeJS.ProcessEnv = process.env): string {
  return env.GIT_COMMIT || env.GITHUB_SHA || git(['rev-parse', '--short=12', 'HEAD']) || 'dev'
}

export function appBranch(env: NodeJS.ProcessEnv = process.env): string {
  return env.GIT_BRANCH || env.GITHUB_REF_NAME || git(['rev-parse', '--abbrev-ref', 'HEAD']) || 'main'
}

/** Verification results go to the broker only from CI, so a laptop run never marks a version verified. */
export const publishesResults = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.CI === 'true' || env.CI === '1'
