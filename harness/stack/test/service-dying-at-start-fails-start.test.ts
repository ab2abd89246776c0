import { existsSync, readFileSync, rmSync } from 'node:fs'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { StackStartError } from '../readiness.ts'
import { isAlive, standInStack } from './stand-ins.ts'

describe('a service that dies at start', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('fails start() naming the service and its log, with its last lines', async () => {
    const { builder, recordDir } = standInStack()
    dirs.push(recordDir)
    const started = builder.withEnv({ STANDIN_DIE: '3' }, 'mock-sora').start()

    const err = await started.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(StackStartError)
    const failure = err as StackStartError
    expect(failure.service).toBe('mock-sora')
    expect(failure.logFile).toMatch(/mock-sora\.log$/)
    expect(failure.message).toContain('mock-sora exited during start-up (code 3')
    expect(failure.message).toContain(failure.logFile)
    expect(failure.message).toContain('mock-sora cannot start: STANDIN_DIE is set')
    expect(readFileSync(failure.logFile!, 'utf8')).toContain('STANDIN_DIE')
  })

  it('stops what it had started before and removes its temp dirs and database', async () => {
    const { builder, recordDir, records } = standInStack()
    dirs.push(recordDir)
    builder.withDatabaseUrl(inject('databaseUrl'), { fresh: true }).withEnv({ STANDIN_DIE: '1' }, 'api')

    await expect(builder.start()).rejects.toThrow(/^api exited during start-up/)

    const started = records()
    expect(started.map((r) => r.role).sort()).toEqual(['api', 'mock-google', 'mock-sora', 'worker'])
    expect(started.filter((r) => isAlive(r.pid))).toEqual([])
    const worker = started.find((r) => r.role === 'worker')!
    expect(existsSync(worker.env.UPLOADS_DIR!)).toBe(false)
    const database = new URL(worker.env.DATABASE_URL!).pathname.slice(1)
    expect(database).toMatch(/^t_/)
    const client = new pg.Client({ connectionString: inject('databaseUrl') })
    await client.connect()
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    await client.end()
    expect(rowCount).toBe(0)
  })

  it('fails at its deadline, saying what it last saw, when it never gets ready', async () => {
    const { builder, recordDir } = standInStack()
    dirs.push(recordDir)
    builder.withEnv({ STANDIN_HEALTH: 'degraded' }, 'api').withReadyDeadlineMs(8000, 'api')

    await expect(builder.start()).rejects.toThrow(
      /^api did not get ready: API \/health all ok with a live worker: not ready after 8000 ms \(last seen: HTTP 200 .*"redis":"error"/,
    )
  })
})
