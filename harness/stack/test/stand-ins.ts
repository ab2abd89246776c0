import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { StackBuilder } from '../stack-builder.ts'
import type { SystemRole } from '../stack-options.ts'

export const STAND_IN = 'harness/stack/test/fixtures/stand-in-service.ts'
const ROLES: SystemRole[] = ['mock-sora', 'mock-google', 'worker', 'api']

/** What one stand-in was started with (see fixtures/stand-in-service.ts). */
export interface StandInRecord {
  pid: number
  role: SystemRole
  env: Record<string, string | undefined>
}

/**
 * A StackBuilder whose system processes are stand-ins, on the run's shared Redis/PostgreSQL (from the
 * global setup), each recording its pid and env in `recordDir`.
 */
export function standInStack(opts: { redisFromEnv?: boolean } = {}): {
  builder: StackBuilder
  recordDir: string
  records(): StandInRecord[]
} {
  const recordDir = mkdtempSync(join(tmpdir(), 'aivideo-standins-'))
  const builder = new StackBuilder().withDatabaseUrl(inject('databaseUrl')).withoutWeb()
  if (!opts.redisFromEnv) builder.withRedisUrl(inject('redisUrl'))
  builder.withReadyDeadlineMs(20_000).withEnv({ STANDIN_RECORD_DIR: recordDir })
  for (const role of ROLES) builder.withEntry(role, STAND_IN).withEnv({ STANDIN_ROLE: role }, role)
  return {
    builder,
    recordDir,
    records: () =>
      readdirSync(recordDir).map((f) => ({
        pid: Number(f.replace('.json', '')),
        ...(JSON.parse(readFileSync(join(recordDir, f), 'utf8')) as Omit<StandInRecord, 'pid'>),
      })),
  }
}

/** Whether a pid names a live process (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
