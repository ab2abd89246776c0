import { parseArgs } from 'node:util'
import { loadTarget, type Target, TargetConfigError } from './target-env.ts'

/** The suites `npm run acceptance` runs (all unless --suites names fewer), by their npm scripts. */
export const SUITES = {
  e2e: 'test:e2e',
  contracts: 'test:contracts',
  api: 'test:api',
  reliability: 'test:reliability',
} as const
export type SuiteName = keyof typeof SUITES
const SUITE_NAMES = Object.keys(SUITES) as SuiteName[]

/**
 * The order they run in, a stage after another: the first suite of a stage runs alone or with the ones
 * named beside it. The browser suite first, on a quiet machine: after the reliability suite's load the
 * kernel is still writing back and reclaiming memory, which slows every browser test, its measured
 * timings included. The contracts measure nothing and run beside the reliability suite, whose one
 * measured figure (REL-12's p95, against 100 ms) comes after its security, bad-input and fault files;
 * every suite that asserts a guide timing (browser, API) runs alone.
 */
const STAGES: ReadonlyArray<readonly [SuiteName, ...SuiteName[]]> = [
  ['e2e'],
  ['api'],
  ['reliability', 'contracts'],
]

/** The stages of the chosen suites, in order; a suite whose stage lead was left out runs on its own. */
export function stagesOf(chosen: readonly SuiteName[]): Array<[SuiteName, ...SuiteName[]]> {
  return STAGES.flatMap((stage) => {
    const picked = stage.filter((name) => chosen.includes(name))
    return picked.length ? [picked as [SuiteName, ...SuiteName[]]] : []
  })
}

/**
 * A run of every suite on the local stacks: the one whose wall time `npm run bench` reports
 * (reports/acceptance-runs.json); a run against a target, or of fewer suites, would not compare.
 */
export const isWholeLocalRun = (args: { target: unknown; suites: readonly SuiteName[] }): boolean =>
  !args.target && SUITE_NAMES.every((name) => args.suites.includes(name))

export const ACCEPTANCE_USAGE = `usage: npm run acceptance -- [--target API_URL --web WEB_URL [--google GOOGLE_URL] [--ui-profile FILE]]
                              [--suites e2e,contracts,api,reliability] [--strict-conformance]

  no options      every suite against a local stack of its own (the reference system)
  --target URL    target mode: the deployment's API (TARGET_API_URL); suites start no stack, run their
                  portable tests there and skip those needing stack control, with the reason
  --web URL       its web app (TARGET_WEB_URL), for the browser suite
  --google URL    its mock-google (TARGET_GOOGLE_URL), for signing test users in (the default strategy)
  --ui-profile FILE
                  the browser suite's UI profile for a frontend whose markup differs from ours
                  (TARGET_UI_PROFILE; e.g. e2e/profiles/ai-video-web.json)
  --suites LIST   only these suites, comma-separated (default all: ${SUITE_NAMES.join(',')})
  --strict-conformance
                  the gate fails on differences from the reference API too (default: reported apart)

Sign-in without mock-google: TARGET_ACCESS_TOKENS (JSON array or comma list of access tokens), or
TARGET_JWT_SECRET + TARGET_USER_IDS (tokens minted with the deployment's HS256 secret); TARGET_AUTH picks.
The same settings may come from the environment (TARGET_API_URL, TARGET_WEB_URL, TARGET_GOOGLE_URL).`

export type AcceptanceArgs =
  | {
      ok: true
      env: Record<string, string>
      target: Target | undefined
      suites: SuiteName[]
      strictConformance: boolean
    }
  | { ok: false; help: boolean; error: string }

/**
 * `npm run acceptance`'s options: the flags become the TARGET_* variables every suite reads (a flag wins
 * over the same variable in `env`), and the result is validated as a whole (harness/target/target-env.ts).
 */
export function parseAcceptanceArgs(argv: string[], env: NodeJS.ProcessEnv): AcceptanceArgs {
  let values: {
    target?: string
    web?: string
    google?: string
    'ui-profile'?: string
    suites?: string
    'strict-conformance'?: boolean
    help?: boolean
  }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        web: { type: 'string' },
        google: { type: 'string' },
        'ui-profile': { type: 'string' },
        suites: { type: 'string' },
        'strict-conformance': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    return { ok: false, help: false, error: (err as Error).message }
  }
  if (values.help) return { ok: false, help: true, error: '' }
  const suites = (values.suites ?? SUITE_NAMES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = suites.filter((s) => !SUITE_NAMES.includes(s as SuiteName))
  if (unknown.length || suites.length === 0)
    return {
      ok: false,
      help: false,
      error: `--suites: unknown suite ${unknown.join(', ') || '(none given)'}; choose from ${SUITE_NAMES.join(', ')}`,
    }
  const flags: Record<string, string> = {
    ...(values.target !== undefined ? { TARGET_API_URL: values.target } : {}),
    ...(values.web !== undefined ? { TARGET_WEB_URL: values.web } : {}),
    ...(values.google !== undefined ? { TARGET_GOOGLE_URL: values.google } : {}),
    ...(values['ui-profile'] !== undefined ? { TARGET_UI_PROFILE: values['ui-profile'] } : {}),
  }
  try {
    const target = loadTarget({ ...env, ...flags })
    return {
      ok: true,
      env: flags,
      target,
      // Always in the default order, whatever order the flag gives.
      suites: SUITE_NAMES.filter((n) => suites.includes(n)),
      strictConformance: values['strict-conformance'] ?? false,
    }
  } catch (err) {
    if (err instanceof TargetConfigError) return { ok: false, help: false, error: err.message }
    throw err
  }
}
