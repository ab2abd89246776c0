import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as allure from 'allure-js-commons'
import type { Perf } from '../../harness/report/perf.ts'
import type { LogEntry } from '../../harness/stack/log-events.ts'
import type { SuiteTarget } from '../setup/suite-target.ts'
import type { LocalStack } from './local-stack.ts'

/** A measured number: an Allure parameter now, and a key of reports/perf.json at the end of the run. */
export async function recordPerf(suite: SuiteTarget, name: string, part: Perf): Promise<void> {
  mkdirSync(suite.perfDir, { recursive: true })
  writeFileSync(resolve(suite.perfDir, `${name}.json`), JSON.stringify(part))
  for (const [key, value] of Object.entries(part))
    await allure.parameter(key, typeof value === 'object' ? JSON.stringify(value) : String(value))
}

/** Measured values shown beside the test in Allure (no perf.json key). */
export async function parameters(values: Record<string, string | number>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await allure.parameter(key, String(value))
}

const line = (e: LogEntry) => {
  const { level: _l, time, service: _s, event, msg, ...rest } = e
  const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : ''
  return `${time} ${event ?? '-'} ${msg ?? ''}${fields}`
}

/** The API's and the worker's log lines about one video, as the guide shows them, attached to the test. */
export async function attachVideoLogs(
  stack: LocalStack,
  videoId: number,
  worker = 'worker-1',
): Promise<void> {
  const api = stack
    .logs('api')
    .filter(
      (e) =>
        e.videoId === videoId ||
        (typeof e.path === 'string' && new RegExp(`^/api/v1/videos/${videoId}(/|$)`).test(e.path)),
    )
  const work = stack.logs(worker).filter((e) => e.videoId === videoId)
  await allure.attachment(`API log, video ${videoId}`, api.map(line).join('\n'), 'text/plain')
  await allure.attachment(`worker log, video ${videoId}`, work.map(line).join('\n'), 'text/plain')
}

/** Log lines of a side process (or any list of entries), attached under `name`. */
export async function attachLog(name: string, entries: LogEntry[]): Promise<void> {
  await allure.attachment(name, entries.map(line).join('\n'), 'text/plain')
}
