/**
 * Waits for a condition under a named deadline instead of sleeping. The probe says whether it is done
 * and what it saw, so a timeout tells what was last observed.
 */
export type Probe<T> = () => Promise<{ done: true; value: T } | { done: false; seen: string }>

export class DeadlineError extends Error {
  override name = 'DeadlineError'
}

export async function waitFor<T>(
  probe: Probe<T>,
  opts: {
    deadlineMs: number
    what: string
    intervalMs?: number
    /** Gives up at once (rejecting with the signal's reason), e.g. when the process probed has exited. */
    signal?: AbortSignal
  },
): Promise<T> {
  const start = Date.now()
  const interval = opts.intervalMs ?? 50
  let seen = 'nothing yet'
  for (;;) {
    opts.signal?.throwIfAborted()
    try {
      const r = await probe()
      if (r.done) return r.value
      seen = r.seen
    } catch (err) {
      seen = err instanceof Error ? err.message : String(err)
    }
    opts.signal?.throwIfAborted()
    const left = opts.deadlineMs - (Date.now() - start)
    if (left <= 0)
      throw new DeadlineError(`${opts.what}: not ready after ${opts.deadlineMs} ms (last seen: ${seen})`)
    await pause(Math.min(interval, left), opts.signal)
  }
}

/** The pause between two probes; an abort ends it early. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
