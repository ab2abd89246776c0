import type { TestProject } from 'vitest/node'
import { startPostgres } from '../stack/infra/postgres.ts'
import { startRedis } from '../stack/infra/redis.ts'
import { logFileFor, runLogDir, runStamp } from '../stack/run-dir.ts'

/**
 * One throwaway Redis and PostgreSQL for the whole vitest run (tests isolate by unique users, queue
 * prefixes and databases). REDIS_URL / DATABASE_URL reuse existing servers instead.
 */
export default async function setup(project: TestProject) {
  const dir = runLogDir(`unit-${runStamp()}`)
  const redis = process.env.REDIS_URL ? undefined : await startRedis({ logFile: logFileFor(dir, 'redis') })
  const postgres = process.env.DATABASE_URL
    ? undefined
    : await startPostgres({ logFile: logFileFor(dir, 'postgres') })
  project.provide('redisUrl', process.env.REDIS_URL ?? redis!.url)
  project.provide('databaseUrl', process.env.DATABASE_URL ?? postgres!.url)
  return async () => {
    await redis?.stop()
    await postgres?.stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
    databaseUrl: string
  }
}
