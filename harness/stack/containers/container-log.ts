import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { PassThrough } from 'node:stream'
import type Dockerode from 'dockerode'
import { lineSplitter } from '../line-splitter.ts'

/**
 * A container's output (stdout and stderr, as the engine keeps it) appended line by line to its
 * `reports/logs/<run>/<service>.log` as it comes, so that `stack.logs(name)` reads it like a local
 * process's log. The engine's timestamps let a restart follow again from the start time without writing
 * a line twice.
 */
export class ContainerLog {
  private readonly fd: number
  private lastNs = 0n
  private stream: NodeJS.ReadableStream | undefined
  private closed = false

  constructor(
    private readonly docker: Dockerode,
    private readonly containerId: string,
    readonly file: string,
    private readonly onLine?: (line: string) => void,
  ) {
    mkdirSync(dirname(file), { recursive: true })
    this.fd = openSync(file, 'a')
  }

  /** Follows the output from `sinceS` (unix seconds; 0 = all of it) until the container stops. */
  async follow(sinceS = 0): Promise<void> {
    if (this.closed) return
    this.stop()
    const raw = (await this.docker.getContainer(this.containerId).logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      since: sinceS,
    })) as unknown as NodeJS.ReadableStream & { destroy?(): void }
    if (this.closed) {
      raw.destroy?.()
      return
    }
    this.stream = raw
    const lines = lineSplitter((line) => this.write(line))
    const out = new PassThrough()
    this.docker.modem.demuxStream(raw, out, out)
    out.on('data', (chunk: Buffer) => lines.push(chunk))
    raw.on('end', () => lines.flush())
    raw.on('error', () => lines.flush())
  }

  /** Stops following (the file stays). */
  stop(): void {
    const s = this.stream as (NodeJS.ReadableStream & { destroy?(): void }) | undefined
    this.stream = undefined
    s?.removeAllListeners('data')
    s?.destroy?.()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.stop()
    closeSync(this.fd)
  }

  private write(stamped: string): void {
    if (this.closed) return
    const space = stamped.indexOf(' ')
    const ns = space > 0 ? timestampNs(stamped.slice(0, space)) : undefined
    if (ns !== undefined) {
      if (ns <= this.lastNs) return // already written by an earlier follow
      this.lastNs = ns
    }
    const line = ns === undefined ? stamped : stamped.slice(space + 1)
    writeSync(this.fd, `${line}\n`)
    this.onLine?.(line)
  }
}

/** `2026-11-27T21:34:34.890123456Z` → nanoseconds since the epoch (undefined if it is not one). */
export function timestampNs(stamp: string): bigint | undefined {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(stamp)
  if (!m) return undefined
  const seconds = Date.parse(`${m[1]}${m[3]}`)
  if (Number.isNaN(seconds)) return undefined
  return BigInt(seconds) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'))
}
