import type { LogEntry } from '../../harness/stack/log-events.ts'
import { waitFor } from '../../harness/wait.ts'
import { LogEvent } from '../../system/shared/log-events.ts'
import type { LocalStack } from './local-stack.ts'

/** The worker's events for one video once it logged the end of the task (the DB is updated just before). */
export function workerEventsWhenFinished(
  stack: LocalStack,
  videoId: number,
  worker = 'worker-1',
): Promise<LogEntry[]> {
  return waitFor(
    async () => {
      const events = stack.logs(worker).filter((e) => e.videoId === videoId)
      return events.some((e) => e.event === LogEvent.jobFinished)
        ? { done: true, value: events }
        : { done: false, seen: `last event ${events.at(-1)?.event ?? 'none'}` }
    },
    { deadlineMs: 10_000, what: `${worker} log: ${LogEvent.jobFinished} of video ${videoId}` },
  )
}

/** The time of an event in ms since epoch (pino writes ISO strings here). */
export const timeOf = (e: LogEntry | undefined): number => {
  if (!e) throw new Error('no such event')
  return typeof e.time === 'number' ? e.time : Date.parse(e.time)
}

/** Event names with consecutive repeats collapsed (progress is logged ten times). */
export function distinctSequence(events: LogEntry[]): string[] {
  const names: string[] = []
  for (const e of events) if (e.event && names.at(-1) !== e.event) names.push(e.event)
  return names
}
