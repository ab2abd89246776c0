/**
 * `npm run doctor`: the guide's troubleshooting section as checks against a running system.
 *
 *   npm run doctor -- [--api URL] [--web URL] [--redis URL] [--google URL] [--video-url PATH]
 *                     [--expect-mock true|false] [--email EMAIL] [--timeout-ms N]
 *
 * Defaults: --api http://127.0.0.1:8000 (npm start's), --redis $REDIS_URL, --google $MOCK_GOOGLE_URL,
 * --expect-mock $USE_MOCK_SORA (else true). One line per check (✅ ❌ ⏭), the fix after each ❌;
 * exit code 1 when any check failed.
 */
import { parseArgs } from 'node:util'
import { DOCTOR_CHECKS } from './check-order.ts'
import { createDoctorContext, defaultOptions } from './context.ts'
import { exitCodeOf, formatResult, MARK, runChecks } from './run.ts'

const USAGE =
  'usage: npm run doctor -- [--api URL] [--web URL] [--redis URL] [--google URL] [--video-url PATH] [--expect-mock true|false] [--email EMAIL] [--timeout-ms N]'

function parseBool(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined
  if (['true', '1', 'yes'].includes(value)) return true
  if (['false', '0', 'no'].includes(value)) return false
  throw new Error(`${name} must be true or false, not ${value}`)
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse().values
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  let expectMock: boolean
  try {
    expectMock =
      parseBool('--expect-mock', values['expect-mock']) ??
      parseBool('USE_MOCK_SORA', process.env.USE_MOCK_SORA) ??
      true
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`)
    return 2
  }
  const options = defaultOptions({
    apiUrl: values.api ?? process.env.TARGET_API_URL ?? 'http://127.0.0.1:8000',
    webUrl: values.web,
    redisUrl: values.redis ?? (process.env.REDIS_URL || undefined),
    googleUrl: values.google ?? (process.env.MOCK_GOOGLE_URL || undefined),
    videoUrl: values['video-url'],
    expectMock,
    ...(values.email ? { email: values.email } : {}),
    ...(values['timeout-ms'] ? { timeoutMs: Number(values['timeout-ms']) } : {}),
  })
  process.stdout.write(`doctor: API ${options.apiUrl}${options.webUrl ? ` · web ${options.webUrl}` : ''}\n`)
  const results = await runChecks(createDoctorContext(options), DOCTOR_CHECKS)
  for (const r of results) process.stdout.write(`${formatResult(r)}\n`)
  const count = (s: keyof typeof MARK) => results.filter((r) => r.status === s).length
  process.stdout.write(
    `\n${count('pass')} ${MARK.pass} · ${count('fail')} ${MARK.fail} · ${count('skip')} ${MARK.skip}\n`,
  )
  return exitCodeOf(results)
}

function parse() {
  return parseArgs({
    options: {
      api: { type: 'string' },
      web: { type: 'string' },
      redis: { type: 'string' },
      google: { type: 'string' },
      'video-url': { type: 'string' },
      'expect-mock': { type: 'string' },
      email: { type: 'string' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
}

process.exit(await main())
