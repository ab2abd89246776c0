import { randomBytes } from 'node:crypto'
import type { SoraCreateRequest } from '../../shared/schemas/sora.ts'

/** How a job ends: the fault plan decides this when the job is created. */
export type JobOutcome = 'complete' | 'fail' | 'never_finish'

export type ReferenceImage = {
  bytes: number
  mimeType: string
  base64Length: number
  width: number | null
  height: number | null
}

export type Job = {
  id: string
  /** Creation order, for listing: created_at has only one-second resolution. */
  seq: number
  createdMs: number
  durationMs: number
  /** How long its video download takes (a slow_content fault); null = as fast as the client reads. */
  contentDurationMs: number | null
  outcome: JobOutcome
  request: SoraCreateRequest
  image: ReferenceImage | null
  remixedFromVideoId: string | null
}

export type NewJob = Omit<Job, 'id' | 'seq'>

/** Same shape as OpenAI's ids: `video_` and 48 hex digits. */
export const newVideoId = (): string => `video_${randomBytes(24).toString('hex')}`

export type Page = { jobs: Job[]; hasMore: boolean }

/** In-memory jobs, in creation order. */
export class JobStore {
  readonly #jobs = new Map<string, Job>()
  #seq = 0

  add(fields: NewJob): Job {
    const job: Job = { ...fields, id: newVideoId(), seq: ++this.#seq }
    this.#jobs.set(job.id, job)
    return job
  }

  get(id: string): Job | null {
    return this.#jobs.get(id) ?? null
  }

  delete(id: string): boolean {
    return this.#jobs.delete(id)
  }

  all(): Job[] {
    return [...this.#jobs.values()]
  }

  get size(): number {
    return this.#jobs.size
  }

  clear(): number {
    const n = this.#jobs.size
    this.#jobs.clear()
    return n
  }

  /** One page after the cursor; null when the cursor names no job. */
  page(query: { after?: string | undefined; limit: number; order: 'asc' | 'desc' }): Page | null {
    const ordered = query.order === 'asc' ? this.all() : this.all().reverse()
    let start = 0
    if (query.after !== undefined) {
      const at = ordered.findIndex((job) => job.id === query.after)
      if (at < 0) return null
      start = at + 1
    }
    const jobs = ordered.slice(start, start + query.limit)
    return { jobs, hasMore: start + query.limit < ordered.length }
  }
}
