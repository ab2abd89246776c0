import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type LoadOptions, type LoadResult, runLoad } from '../load.ts'

const SELF = fileURLToPath(import.meta.url)

/**
 * runLoad (autocannon) in a process of its own. The bench's process also pipes every service's output
 * (one access-log line per request of the load) into the run's log files: on the same event loop, that
 * work would delay autocannon's reading of the answers and be counted as the API's latency.
 */
export function runLoadInProcess(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, { execArgv: ['--import', 'tsx'], serialization: 'advanced' })
    child.once('message', (result) => resolve(result as LoadResult))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the load process exited (code ${code}) before answering`)))
    child.send(opts)
  })
}

if (process.argv[1] === SELF && process.send)
  process.once('message', async (opts) => {
    process.send!(await runLoad(opts as LoadOptions), () => process.exit(0))
  })
