import {
  EVERY_CALL,
  HTTP_FAULT_MODES,
  type MockFault,
  type MockFaultMode,
  type MockFaultRequest,
} from './control-schema.ts'

/** What the fault plan decided for one new job. */
export type JobFaults = {
  outcome: 'fail' | 'never_finish' | null
  slowDurationS: number | null
  /** How long its video download takes, paced; null = as fast as the client reads. */
  contentDurationS: number | null
}

const DEFAULT_SLOW_CONTENT_S = 2

/**
 * Faults armed through the control endpoint, consumed first-armed first. A job takes at most one
 * outcome fault (fail or never_finish), one slow fault and one slow_content fault, so "slow then fail"
 * can be combined; a fault with `prompt_contains` is taken only by a job whose prompt contains it.
 */
export class FaultPlan {
  #armed: MockFault[] = []
  #nextId = 1

  constructor(private readonly defaultSlowDurationS: number) {}

  arm(req: MockFaultRequest): MockFault {
    const fault: MockFault = {
      id: this.#nextId++,
      mode: req.mode,
      remaining: req.count,
      duration_s:
        req.mode === 'slow'
          ? (req.duration_s ?? this.defaultSlowDurationS)
          : req.mode === 'slow_content'
            ? (req.duration_s ?? DEFAULT_SLOW_CONTENT_S)
            : null,
      retry_after_s: req.mode === 'rate_limit' ? (req.retry_after_s ?? 1) : null,
      prompt_contains: req.prompt_contains ?? null,
    }
    this.#armed.push(fault)
    return { ...fault }
  }

  /** The fault that answers the next /v1 call instead of the route, if any. */
  takeHttpFault(): MockFault | null {
    return this.#take(HTTP_FAULT_MODES)
  }

  /** The faults of a new job with this prompt (a fault with `prompt_contains` takes only its own). */
  takeJobFaults(prompt: string): JobFaults {
    const outcome = this.#take(['fail', 'never_finish'], prompt)
    const slow = this.#take(['slow'], prompt)
    const slowContent = this.#take(['slow_content'], prompt)
    return {
      outcome: outcome?.mode === 'fail' || outcome?.mode === 'never_finish' ? outcome.mode : null,
      slowDurationS: slow?.duration_s ?? null,
      contentDurationS: slowContent?.duration_s ?? null,
    }
  }

  pending(): MockFault[] {
    return this.#armed.map((fault) => ({ ...fault }))
  }

  clear(): number {
    const n = this.#armed.length
    this.#armed = []
    return n
  }

  #take(modes: readonly MockFaultMode[], prompt?: string): MockFault | null {
    const fault = this.#armed.find(
      (f) =>
        modes.includes(f.mode) &&
        (f.prompt_contains === null || (prompt?.includes(f.prompt_contains) ?? false)),
    )
    if (!fault) return null
    if (fault.remaining !== EVERY_CALL) {
      fault.remaining -= 1
      if (fault.remaining === 0) this.#armed = this.#armed.filter((f) => f !== fault)
    }
    return { ...fault }
  }
}
