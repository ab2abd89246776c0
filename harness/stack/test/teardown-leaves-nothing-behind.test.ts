import { existsSync, rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { StartedStack } from '../started-stack.ts'
import { isAlive, standInStack } from './stand-ins.ts'

describe('stopping a local stack', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  /** Its own Redis and PostgreSQL (not the run's), stand-ins for the system, two workers. */
  async function startOwnStack(): Promise<StartedStack> {
    const { builder, recordDir } = standInStack()
    dirs.push(recordDir)
    return builder.withRedisUrl(undefined).withDatabaseUrl(undefined).withWorkers(2).start()
  }

  function pidsOf(stack: StartedStack): number[] {
    return stack.services.map((name) => stack.service(name).pid).filter((p): p is number => p !== undefined)
  }

  it('leaves no process it started and no temp dir behind', async () => {
    const stack = await startOwnStack()
    expect(stack.services).toEqual([
      'redis',
      'postgres',
      'mock-sora',
      'mock-google',
      'worker-1',
      'worker-2',
      'api',
    ])
    const pids = pidsOf(stack)
    expect(pids).toHaveLength(7)
    expect(pids.every(isAlive)).toBe(true)
    expect(stack.tempDirs).toHaveLength(3) // uploads, redis, postgres
    expect(stack.tempDirs.every((d) => existsSync(d))).toBe(true)

    await stack.stop()

    expect(pids.filter(isAlive)).toEqual([])
    expect(stack.tempDirs.filter((d) => existsSync(d))).toEqual([])
    expect(existsSync(stack.logDir)).toBe(true) // logs stay for the report
    await expect(stack.stop()).resolves.toBeUndefined() // a second stop is a no-op
  })

  it('does the same when disposed by `await using`', async () => {
    let pids: number[] = []
    let tempDirs: readonly string[] = []
    {
      await using stack = await startOwnStack()
      pids = pidsOf(stack)
      tempDirs = stack.tempDirs
    }
    expect(pids.filter(isAlive)).toEqual([])
    expect(tempDirs.filter((d) => existsSync(d))).toEqual([])
  })
})
