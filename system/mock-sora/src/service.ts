import type { MockSoraConfig } from '../../shared/config.ts'
import { LogEvent } from '../../shared/log-events.ts'
import type { Logger } from '../../shared/logger.ts'
import type { SoraStatus, SoraVideo } from '../../shared/schemas/sora.ts'
import type { MockFault, MockFaultRequest, MockResetResponse, MockState } from './control-schema.ts'
import type { CreateInput } from './create-request.ts'
import { FaultPlan } from './faults.ts'
import { type Job, JobStore, type Page } from './jobs.ts'
import { LogBlock } from './log-block.ts'
import type { Media } from './media.ts'
import { stateAt, toSoraVideo } from './progression.ts'
import { RequestCounter } from './request-counter.ts'

/** Everything the mock remembers, and the operations the routes call. */
export class MockSoraService {
  readonly jobs = new JobStore()
  readonly faults: FaultPlan
  readonly requests = new RequestCounter()
  readonly logBlock: LogBlock

  constructor(
    readonly config: MockSoraConfig,
    readonly media: Media,
    readonly log: Logger,
    readonly now: () => number,
  ) {
    this.faults = new FaultPlan(config.MOCK_SORA_DURATION_S * 3)
    this.logBlock = new LogBlock(log, media.video)
  }

  create(input: CreateInput, remixedFromVideoId: string | null = null): Job {
    const planned = this.faults.takeJobFaults(input.request.prompt)
    const job = this.jobs.add({
      createdMs: this.now(),
      durationMs: (planned.slowDurationS ?? this.config.MOCK_SORA_DURATION_S) * 1000,
      outcome: planned.outcome ?? 'complete',
      request: input.request,
      image: input.image,
      remixedFromVideoId,
    })
    if (planned.outcome || planned.slowDurationS) {
      this.log.info(
        {
          event: LogEvent.mockFault,
          phase: 'applied',
          jobId: job.id,
          outcome: job.outcome,
          durationS: job.durationMs / 1000,
        },
        `Fault applied to ${job.id}: outcome=${job.outcome}, duration=${job.durationMs / 1000}s`,
      )
    }
    this.logBlock.started(job)
    return job
  }

  /** The job as a client sees it now; logs any steps it reached first, so logs never lag a response. */
  view(job: Job): SoraVideo {
    const now = this.now()
    this.logBlock.catchUp(job.id, now)
    return toSoraVideo(job, stateAt(job, now))
  }

  status(job: Job): SoraStatus {
    return stateAt(job, this.now()).status
  }

  page(query: { after?: string | undefined; limit: number; order: 'asc' | 'desc' }): Page | null {
    return this.jobs.page(query)
  }

  delete(id: string): boolean {
    this.logBlock.forget(id)
    return this.jobs.delete(id)
  }

  tick(): void {
    this.logBlock.catchUpAll(this.now())
  }

  armFault(req: MockFaultRequest): MockFault {
    const fault = this.faults.arm(req)
    this.log.info(
      { event: LogEvent.mockFault, phase: 'armed', fault },
      `Fault armed: ${fault.mode} x${fault.remaining === -1 ? 'every call' : fault.remaining}`,
    )
    return fault
  }

  state(): MockState {
    const byStatus: Record<SoraStatus, number> = { queued: 0, in_progress: 0, completed: 0, failed: 0 }
    const now = this.now()
    for (const job of this.jobs.all()) byStatus[stateAt(job, now).status] += 1
    return {
      jobs: this.jobs.size,
      jobs_by_status: byStatus,
      faults: this.faults.pending(),
      requests: this.requests.snapshot(),
      duration_s: this.config.MOCK_SORA_DURATION_S,
    }
  }

  reset(): MockResetResponse {
    const cleared = { jobs: this.jobs.clear(), faults: this.faults.clear() }
    this.logBlock.clear()
    this.requests.clear()
    this.log.info({ event: LogEvent.mockReset, cleared }, 'Mock Sora reset')
    return { reset: true, cleared }
  }
}
