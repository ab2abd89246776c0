/**
 * `npm start`: the whole system in mock mode on the guide's ports (API 8000, mock-sora 4010,
 * mock-google 4020, web 8080; each overridable by API_PORT, MOCK_SORA_PORT,
 * MOCK_GOOGLE_PORT, WEB_PORT), throwaway Redis/PostgreSQL on free ports (or REDIS_URL/DATABASE_URL),
 * uploads in ./uploads (kept). Every service's output is printed as readable lines prefixed with its
 * name; Ctrl-C stops everything and exits 0.
 */
import { formatLogLine } from './console-format.ts'
import { StackBuilder } from './stack/stack-builder.ts'
import type { StartedStack } from './stack/started-stack.ts'

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
const say = (line: string) => process.stdout.write(`${line}\n`)
const note = (line: string) => say(formatLogLine('harness', line, { color }))

let stack: StartedStack | undefined
let stopping: Promise<never> | undefined

/** Stops what was started and exits: 0 unless the teardown itself failed. */
function shutdown(reason: string): Promise<never> {
  stopping ??= (async () => {
    note(`${reason}: stopping everything...`)
    try {
      await stack?.stop()
      note('stopped')
      process.exit(0)
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
      process.exit(1)
    }
  })()
  return stopping
}

let signalled: NodeJS.Signals | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) return
    signalled = signal
    // While starting, the start-up below notices and stops (start() cleans up itself if it fails).
    if (stack) void shutdown(signal)
  })
}

note('starting Redis, PostgreSQL, mock-sora, mock-google, worker, API, web...')
try {
  stack = await new StackBuilder()
    .withPorts('fixed')
    .withUploadsDir('./uploads', { keep: true })
    .withSoraDurationS(Number(process.env.MOCK_SORA_DURATION_S ?? 10))
    .withJwtSecret(process.env.JWT_SECRET)
    .withQueuePrefix(process.env.QUEUE_PREFIX ?? 'aivideo')
    .withEnv(process.env.WEB_TEST_IDS ? { WEB_TEST_IDS: process.env.WEB_TEST_IDS } : {}, 'web')
    // Once stopping, the services exit one by one (Ctrl-C reaches them too): no "exited" notes then.
    .withOutput((service, line, origin) => {
      if (origin === 'process' || !(signalled || stopping)) say(formatLogLine(service, line, { color }))
    })
    .start()
} catch (err) {
  if (signalled) {
    note(`${signalled}: start-up interrupted, everything it started is stopped`)
    process.exit(0)
  }
  process.stderr.write(`\nstart-up failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
if (signalled) await shutdown(signalled)

const local = (url: string) => url.replace('127.0.0.1', 'localhost')
const { urls } = stack
say('')
say(
  [
    `API ${local(urls.api)}`,
    `docs ${local(urls.api)}/docs`,
    ...(urls.web ? [`web ${local(urls.web)}`] : []),
    `mock-sora ${local(urls.mockSora)}`,
    `mock-google ${local(urls.mockGoogle)}`,
  ].join(' · '),
)
say(`Redis ${stack.redisUrl} · PostgreSQL ${stack.databaseUrl}`)
say(`logs ${stack.logDir} · uploads ${stack.config.uploadsDir} · Ctrl-C stops everything`)
say('')
