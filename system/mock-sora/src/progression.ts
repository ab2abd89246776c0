import type { SoraStatus, SoraVideo } from '../../shared/schemas/sora.ts'
import type { Job } from './jobs.ts'

/** Progress moves in ten steps of 10 over the job's duration. */
export const STEPS = 10
const STEP_PERCENT = 100 / STEPS

/** A job's state is a pure function of the clock: no per-job timers, the same answer on every poll. */
export type JobState = { status: SoraStatus; progress: number; finishedMs: number | null }

export function stateAt(job: Pick<Job, 'createdMs' | 'durationMs' | 'outcome'>, nowMs: number): JobState {
  const elapsed = Math.max(0, nowMs - job.createdMs)
  const step = Math.min(STEPS, Math.floor((elapsed * STEPS) / job.durationMs))
  if (step === 0) return { status: 'queued', progress: 0, finishedMs: null }
  if (step < STEPS || job.outcome === 'never_finish') {
    return { status: 'in_progress', progress: Math.min(step, STEPS - 1) * STEP_PERCENT, finishedMs: null }
  }
  const finishedMs = job.createdMs + job.durationMs
  if (job.outcome === 'fail') return { status: 'failed', progress: (STEPS - 1) * STEP_PERCENT, finishedMs }
  return { status: 'completed', progress: 100, finishedMs }
}

/** Content links stay valid for an hour after completion, as OpenAI's do. */
export const EXPIRES_AFTER_S = 3600

export const GENERATION_FAILED = {
  code: 'video_generation_failed',
  message: 'Video generation failed (mock fault: fail).',
} as const

const toSeconds = (ms: number) => Math.floor(ms / 1000)

export function toSoraVideo(job: Job, state: JobState): SoraVideo {
  const completedAt =
    state.status === 'completed' && state.finishedMs !== null ? toSeconds(state.finishedMs) : null
  return {
    id: job.id,
    object: 'video',
    model: job.request.model,
    status: state.status,
    progress: state.progress,
    created_at: toSeconds(job.createdMs),
    completed_at: completedAt,
    expires_at: completedAt === null ? null : completedAt + EXPIRES_AFTER_S,
    seconds: job.request.seconds,
    size: job.request.size,
    prompt: job.request.prompt,
    remixed_from_video_id: job.remixedFromVideoId,
    error: state.status === 'failed' ? { ...GENERATION_FAILED } : null,
  }
}
