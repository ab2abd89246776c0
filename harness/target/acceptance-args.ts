import { parseArgs } from 'node:util'
import { loadTarget, type Target, TargetConfigError } from './target-env.ts'

export const ACCEPTANCE_USAGE = `usage: npm run acceptance -- [--target API_URL --web WEB_URL [--google GOOGLE_URL]]

  no options      every suite against a local stack of its own (the reference system)
  --target URL    target mode: the deployment's API (TARGET_API_URL); suites start no stack, run their
                  portable tests there and skip those needing stack control, with the reason
  --web URL       its web app (TARGET_WEB_URL), for the browser suite
  --google URL    its mock-google (TARGET_GOOGLE_URL), for signing test users in (the default strategy)

Sign-in without mock-google: TARGET_ACCESS_TOKENS (JSON array or comma list of access tokens), or
TARGET_JWT_SECRET + TARGET_USER_IDS (tokens minted with the deployment's HS256 secret); TARGET_AUTH picks.
The same settings may come from the environment (TARGET_API_URL, TARGET_WEB_URL, TARGET_GOOGLE_URL).`

export type AcceptanceArgs =
  | { ok: true; env: Record<string, string>; target: Target | undefined }
  | { ok: false; help: boolean; error: string }

/**
 * `npm run acceptance`'s options: the flags become the TARGET_* variables every suite reads (a flag wins
 * over the same variable in `env`), and the result is validated as a whole (harness/target/target-env.ts).
 */
export function parseAcceptanceArgs(argv: string[], env: NodeJS.ProcessEnv): AcceptanceArgs {
  let values: { target?: string; web?: string; google?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        web: { type: 'string' },
        google: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    return { ok: false, help: false, error: (err as Error).message }
  }
  if (values.help) return { ok: false, help: true, error: '' }
  const flags: Record<string, string> = {
    ...(values.target !== undefined ? { TARGET_API_URL: values.target } : {}),
    ...(values.web !== undefined ? { TARGET_WEB_URL: values.web } : {}),
    ...(values.google !== undefined ? { TARGET_GOOGLE_URL: values.google } : {}),
  }
  try {
    const target = loadTarget({ ...env, ...flags })
    return { ok: true, env: flags, target }
  } catch (err) {
    if (err instanceof TargetConfigError) return { ok: false, help: false, error: err.message }
    throw err
  }
}
